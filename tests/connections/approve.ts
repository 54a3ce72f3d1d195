/**
 * What a person does in the browser, done over HTTP for CLI and service tests: open the sandbox's consent page,
 * press Allow (or Deny), and follow the redirect to the console's loopback callback. The Chromium test clicks the
 * real page instead.
 */
const unescapeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '',
  );

export interface ApproveResult {
  /** The loopback page's status and text after the redirect. */
  status: number;
  text: string;
}

export async function answerConsent(authorizeUrl: string, decision: 'approve' | 'deny'): Promise<ApproveResult> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`The consent page answered ${page.status}: ${html.slice(0, 200)}`);
  const action = /<form[^>]*action="([^"]+)"/i.exec(html)?.[1];
  if (!action) throw new Error('No form on the consent page');
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1] as string, unescapeHtml(match[2] as string));
  }
  form.set('decision', decision);
  const posted = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  const location = posted.headers.get('location');
  await posted.body?.cancel();
  if (!location) throw new Error(`The consent form answered ${posted.status} without a redirect`);
  const callback = await fetch(location);
  return { status: callback.status, text: await callback.text() };
}

/** Resolves when nothing listens on the URL's port any more. */
export async function isClosed(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return false;
  } catch {
    return true;
  }
}
