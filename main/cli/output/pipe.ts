/**
 * A reader that goes away (`sfhs log --json | head -1`, a pager quit early) closes the pipe: the next write fails
 * with EPIPE. That is not an error of the command: from then on its output goes nowhere, loops that stream output
 * stop (`isClosed`), and the command ends quietly with its own exit code. Installed once per command on stdout and
 * stderr by the runner, so every writer — print, JSON, CSV, progress — is covered by the same mechanism.
 */
import type { Writable } from 'node:stream';

const closed = new WeakSet<Writable>();

export const isClosed = (stream: Writable): boolean => closed.has(stream);

const PIPE_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ECONNRESET']);

/** Guards a stream until the returned function is called (which puts it back as it was). */
export function guardClosedPipe(stream: Writable): () => void {
  const write = stream.write;
  const onError = (error: NodeJS.ErrnoException) => {
    if (!error.code || !PIPE_GONE.has(error.code)) throw error;
    closed.add(stream);
    // Anyone waiting for room to write (json.ts `drained`) goes on, and finds the stream closed.
    stream.emit('drain');
  };
  stream.on('error', onError);
  stream.write = function guardedWrite(this: Writable, ...args: Parameters<Writable['write']>): boolean {
    if (closed.has(stream)) return true;
    return write.apply(this, args);
  } as Writable['write'];
  return () => {
    stream.write = write;
    stream.off('error', onError);
  };
}
