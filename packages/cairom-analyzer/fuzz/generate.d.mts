export function prng(seed: number): () => number;
export function randomSoup(rand: () => number, maxTokens?: number): string;
export function truncated(rand: () => number): string;
export function mutated(rand: () => number): string;
export function deep(rand: () => number, depth?: number): string;
export function nthInput(rand: () => number): string;
export function validProgram(rand: () => number): string;
