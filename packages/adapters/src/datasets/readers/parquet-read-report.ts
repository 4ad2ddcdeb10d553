import { DomainError, type ReadProblem } from '@spice/domain';

/** A file with a million bad cells must not make a report of a million entries: the first ones locate the fault. */
const LISTED_PROBLEMS = 1_000;

/** The problems of one read, in file order, listing the first LISTED_PROBLEMS and counting the rest. */
export class ProblemLog {
  private readonly listed: ReadProblem[] = [];
  private unlisted = 0;

  add(problem: ReadProblem): void {
    if (this.listed.length < LISTED_PROBLEMS) this.listed.push(problem);
    else this.unlisted += 1;
  }

  get count(): number {
    return this.listed.length + this.unlisted;
  }

  problems(): ReadProblem[] {
    if (this.unlisted === 0) return [...this.listed];
    return [
      ...this.listed,
      {
        rule: 'more-problems',
        message: `${this.unlisted} more problems like the ones above are not listed.`,
      },
    ];
  }
}

/**
 * The one error a reader throws for a file it cannot turn into a table: the problems say where, the message
 * repeats the first of them so a log line alone is actionable.
 */
export function badInput(problems: readonly ReadProblem[]): DomainError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (${problems.length - 1} more problems in the report)` : '';
  return new DomainError({
    code: 'DATASET.BAD_INPUT',
    kind: 'invalid',
    message: `The file cannot be read: ${first?.message ?? 'it holds no table.'}${more}`,
    context: { problems },
  });
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
