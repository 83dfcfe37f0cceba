/**
 * `compute` with its answers kept, at most `limit` of them (all dropped at once when full: the words of news repeat,
 * and a bound matters more than which ones stay). A key is copied before it is kept, because a key sliced from an
 * article would otherwise keep the whole article in memory. The answers are shared, so callers must not change them.
 */
export function memoised<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      const own = (' ' + key).slice(1);
      answer = compute(own);
      answers.set(own, answer);
    }
    return answer;
  };
}
