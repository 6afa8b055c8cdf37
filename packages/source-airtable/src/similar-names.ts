/**
 * Names from `candidates` that look like `name`: the same ignoring case, spacing and
 * punctuation, containing one another, or a few typing mistakes apart. Best first, at most 3.
 */
export function similarNames(name: string, candidates: readonly string[]): string[] {
  const wanted = normalize(name);
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const other = normalize(candidate);
    if (other === '' || wanted === '') continue;
    let score: number | undefined;
    if (other === wanted) score = 0;
    else if (other.includes(wanted) || wanted.includes(other)) score = 1;
    else {
      const distance = editDistance(wanted, other);
      if (distance <= Math.max(2, Math.floor(wanted.length / 4))) score = 1 + distance;
    }
    if (score !== undefined) scored.push({ candidate, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
