/**
 * One hand-written probe of the evaluation's probe tables: an input, its true label
 * (`0` benign, `1` injection) and the trick it stands for, which the table prints.
 */
export interface Probe {
  /** The input as a user would send it. */
  readonly text: string;
  /** The true class: `0` benign, `1` injection. */
  readonly label: 0 | 1;
  /** The evasion (or benign look-alike) the probe tries, in a few words. */
  readonly trick: string;
}
