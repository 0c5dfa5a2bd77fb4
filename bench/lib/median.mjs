// The median of a list of times: the middle one (the upper of the two middle ones when even).
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
