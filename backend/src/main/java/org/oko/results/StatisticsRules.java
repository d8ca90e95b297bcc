package org.oko.results;

/** Pure: the two tests the objectivity signs use (z for a proportion, a binomial upper tail). */
final class StatisticsRules {

  private StatisticsRules() {}

  static double proportionZ(double p, double p0, int n) {
    if (n == 0) {
      return 0;
    }
    double p0c = Math.min(Math.max(p0, 0.5 / Math.max(n, 1)), 1 - 0.5 / Math.max(n, 1));
    return (p - p0c) / Math.sqrt(p0c * (1 - p0c) / n);
  }

  /** P(X ≥ k) for X ~ Binomial(n, p). */
  static double upperTail(int k, int n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (p <= 0) {
      return 0;
    }
    if (p >= 1) {
      return 1;
    }
    double sum = 0;
    double logP = Math.log(p);
    double logQ = Math.log(1 - p);
    for (int i = k; i <= n; i++) {
      sum += Math.exp(logChoose(n, i) + i * logP + (n - i) * logQ);
    }
    return Math.min(1, sum);
  }

  private static double logChoose(int n, int k) {
    double r = 0;
    for (int i = 1; i <= k; i++) {
      r += Math.log(n - k + i) - Math.log(i);
    }
    return r;
  }
}
