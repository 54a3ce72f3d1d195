/**
 * The engine's short `detail` / `message` texts: a hold's candidate ids (`{"candidates":[…]}`), field problems
 * (`{"problems":[…]}`), or plain text. Parsed leniently: anything unexpected is shown as text.
 */

export interface FieldProblemView {
  field: string;
  category: string;
  code: string;
  message: string;
}

export interface DetailView {
  candidates: string[];
  problems: FieldProblemView[];
  text: string | null;
}

const empty = (): DetailView => ({ candidates: [], problems: [], text: null });

const isProblem = (value: unknown): value is FieldProblemView =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

export function parseDetail(detail: string | null | undefined): DetailView {
  const out = empty();
  if (!detail) return out;
  if (!detail.trimStart().startsWith('{')) return { ...out, text: detail };
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { ...out, text: detail };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ...out, text: detail };
  const { candidates, problems } = parsed as { candidates?: unknown; problems?: unknown };
  if (Array.isArray(candidates)) out.candidates = candidates.map(String);
  if (Array.isArray(problems)) {
    out.problems = problems.filter(isProblem).map((p) => ({
      field: String(p.field ?? ''),
      category: String(p.category ?? ''),
      code: String(p.code ?? ''),
      message: p.message,
    }));
  }
  if (out.candidates.length === 0 && out.problems.length === 0) out.text = detail;
  return out;
}
