#!/usr/bin/env python3
"""Reference values for satkit's distributions (Sources/SurveyStatistics/Distributions).

Writes expected.json: one record per (distribution, parameters, function, argument) with
SciPy's value. Run from this folder:  python3 make.py
Functions: cdf, sf (survival), ppf (quantile), isf (upperQuantile).
"""
import json, platform
import numpy as np
import scipy
import mpmath
from scipy import stats

P = [1e-300, 1e-100, 1e-20, 1e-12, 1e-8, 1e-6, 1e-4, 1e-3, 0.005, 0.01, 0.025, 0.05, 0.1,
     0.2, 0.3, 0.45, 0.5, 0.55, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.999999]
cases = []
skipped = []

def beta_lower_root(a, b, target, start):
    """w with I_w(a, b) = target, by Newton on log I against log w at 50 digits, kept in (0, 1)."""
    # Start from SciPy's value, or where it underflowed from the lower-tail power law
    # I_w(a, b) ~ w^a / (a B(a, b)).
    w = mpmath.mpf(start) if 0 < start < 1 else (target * a * mpmath.beta(a, b)) ** (1 / a)
    logB = mpmath.log(mpmath.beta(a, b))
    for _ in range(500):
        I = mpmath.betainc(a, b, 0, w, regularized=True)
        dens = mpmath.exp((a - 1) * mpmath.log(w) + (b - 1) * mpmath.log1p(-w) - logB)
        step = -(mpmath.log(I) - mpmath.log(target)) * I / (w * dens)
        step = max(min(step, 5), -5)
        nw = w * mpmath.exp(step)
        w = nw if nw < 1 else (w + 1) / 2
        if abs(step) < mpmath.mpf(10) ** -35:
            return w
    raise RuntimeError(f"no convergence for I(a={a}, b={b}) = {target}")

def f_quantile_mpmath(d1, d2, prob, upper):
    """F quantile at 50 digits. Upper tail q: P(F > x) = I_v(d2/2, d1/2), v = d2/(d1 x + d2);
    lower tail p: P(F <= x) = I_w(d1/2, d2/2), w = d1 x/(d1 x + d2).
    SciPy's f.ppf/f.isf lose digits beyond about 1e-6 in the tails (checked: F(1, 10).isf(1e-12)
    must equal t(10).isf(5e-13)**2 = 1888.50254992914; SciPy gives 1888.51094596672)."""
    mpmath.mp.dps = 50
    h1, h2 = mpmath.mpf(d1) / 2, mpmath.mpf(d2) / 2
    guess = stats.f(d1, d2).isf(prob) if upper else stats.f(d1, d2).ppf(prob)
    guess = guess if np.isfinite(guess) and guess > 0 else 1.0
    if upper:
        v = beta_lower_root(h2, h1, mpmath.mpf(prob), d2 / (d1 * guess + d2))
        return float(d2 * (1 - v) / (d1 * v))
    w = beta_lower_root(h1, h2, mpmath.mpf(prob), d1 * guess / (d1 * guess + d2))
    return float(d2 * w / (d1 * (1 - w)))

def beta_quantile_mpmath(a, b, prob, upper):
    """Beta quantile at 50 digits. SciPy's beta.isf is wrong at 1e-300 (Beta(12.5, 300.25):
    it returns 0.91406155953, whose upper tail is 1.0000045e-300 by mpmath at 60 digits)."""
    mpmath.mp.dps = 50
    A, B = mpmath.mpf(a), mpmath.mpf(b)
    guess = stats.beta(a, b).isf(prob) if upper else stats.beta(a, b).ppf(prob)
    if not upper and (prob * A * mpmath.beta(A, B)) ** (1 / A) < mpmath.mpf(10) ** -300:
        return 0.0  # the quantile underflows a double (e.g. Beta(0.01, 5) at 1e-300 is ~1e-30000): dropped
    if upper:
        y = beta_lower_root(B, A, mpmath.mpf(prob), 1 - guess)
        return float(1 - y)
    return float(beta_lower_root(A, B, mpmath.mpf(prob), guess))

def add(name, params, dist, xs, ps=P, quantile=None):
    for x in xs:
        for fn in ("cdf", "sf"):
            v = float(getattr(dist, fn)(x))
            if np.isfinite(v) and v > 1e-300:
                cases.append(dict(distribution=name, parameters=list(params), function=fn, argument=float(x), expected=v))
    for p in ps:
        for fn in ("ppf", "isf"):
            try:
                v = quantile(p, fn == "isf") if quantile else float(getattr(dist, fn)(p))
            except (RuntimeError, TypeError, ValueError) as err:  # mpmath did not converge: leave out, say so
                skipped.append(f"{name}{list(params)}.{fn}({p}): {err}")
                continue
            if np.isfinite(v) and abs(v) > 1e-300:
                cases.append(dict(distribution=name, parameters=list(params), function=fn, argument=float(p), expected=v))

add("normal", [0, 1], stats.norm(), [-37.5, -20, -10, -5, -3, -1.959963984540054, -1, -0.1, 0.3, 1, 2, 5, 8])
for df in [0.5, 1, 1.5, 2, 2.5, 3, 4.7, 7, 10, 29, 30.5, 100, 1000, 2000, 5000, 36524, 1e5]:
    # Tails below 1e-20 left out: SciPy's t.ppf saturates there for df < 2 (it returns
    # 4.74e153 for df = 0.5 at both 1e-100 and 1e-300, where the quantile is near 1e200).
    add("t", [df], stats.t(df), [-1e6, -40, -12, -4, -2.5, -2, -1, -0.2, 0.1, 1.5, 3, 6, 50],
        ps=[p for p in P if p >= 1e-20])
for a, b in [(0.5, 0.5), (0.5, 10), (1, 1), (1, 30), (2, 3), (29, 2), (30, 1), (0.5, 31.5),
             (30.5, 0.5), (12.5, 300.25), (0.01, 5), (5, 0.01), (100, 100), (35000, 1500), (1525.5, 34000.5)]:
    m = a / (a + b)
    xs = sorted(set([1e-12, 1e-6, 1e-3, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999999, m * 0.97, m, min(m * 1.03, 0.9999)]))
    add("beta", [a, b], stats.beta(a, b), xs,
        quantile=lambda p, up, a=a, b=b: beta_quantile_mpmath(a, b, p, up))
for d1, d2 in [(1, 1), (1, 10), (2, 5.5), (5, 30), (10, 1000), (0.7, 3), (3, 1e5)]:
    add("f", [d1, d2], stats.f(d1, d2), [1e-8, 1e-3, 0.1, 0.5, 1, 2, 4, 10, 100, 1e4],
        ps=[p for p in P if p >= 1e-100], quantile=lambda p, up, d1=d1, d2=d2: f_quantile_mpmath(d1, d2, p, up))
for k in [0.5, 1, 2, 3, 10, 29.5, 100, 1000, 1e4]:
    xs = sorted(set([1e-10, 1e-3, 0.1, 0.5, 1, 2, 5, 10, 30, 100, k, k * 0.9, k * 1.1, k * 2]))
    add("chisquare", [k], stats.chi2(k), xs)

out = dict(tool=f"scipy {scipy.__version__}; beta and F quantiles: mpmath {mpmath.__version__} at 50 digits", numpy=np.__version__, python=platform.python_version(),
           call="scipy.stats.<dist>(params).<cdf|sf|ppf|isf>(argument)", skipped=skipped, cases=cases)
with open("expected.json", "w") as f:
    json.dump(out, f, indent=0)
print(f"{len(cases)} cases; {len(skipped)} skipped:", *skipped, sep="\n")
