/**
 * A look at the sign-in page before sending a person there. A provider that does not know the client id, or does not
 * allow the callback URL, answers with an error page instead of a redirect (RFC 6749 §4.1.2.1), and the callback
 * would never come; reading that page now turns a silent time-out into a clear error. Anything else (a login page,
 * a redirect to one) passes.
 */
import { AppError } from '../app/errors.js';

const textOf = (html: string, tag: string): string | null => {
  const match = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(html);
  return (
    match?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim()
      .slice(0, 200) || null
  );
};

export async function checkAuthorizePage(authorizeUrl: string, provider: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(authorizeUrl, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new AppError(
      'NOT_CONNECTED',
      `Could not reach the ${provider} sign-in page at ${new URL(authorizeUrl).origin} (${cause}). Check the login URL.`,
    );
  }
  const location = response.headers.get('location') ?? '';
  const errorRedirect = /[?&]error=([^&]+)/.exec(location)?.[1];
  if (response.status >= 400 && response.status < 500) {
    const body = await response.text();
    const reason = [textOf(body, 'h1'), textOf(body, 'p')].filter(Boolean).join(': ') || `HTTP ${response.status}`;
    throw new AppError(
      'VALIDATION',
      `The ${provider} sign-in page refused the request: ${reason}. Check the client id and that the app allows ` +
        'the callback URL (see docs/connections.md). Nothing was saved.',
    );
  }
  await response.body?.cancel();
  if (errorRedirect) {
    throw new AppError(
      'VALIDATION',
      `The ${provider} sign-in page refused the request (${decodeURIComponent(errorRedirect)}). Check the client ` +
        'id and the callback URL. Nothing was saved.',
    );
  }
}
