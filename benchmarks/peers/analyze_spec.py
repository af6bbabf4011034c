"""What the `analyze` job computes, shared by the peers: the survey file's rules and the
closed-form finish from per-group sums. Plain Python (no data frames): the engines do the
passes over the rows, this module turns their sums into estimates and intervals.

The job (issue 8), for the no-design survey (benchmarks/data/sipas-srs.json5: no weights,
strata or clusters) and `--by service`: for the whole sample and every service,

- every criterion and every scored question (overall, evaluation, expectation, screener):
  the share satisfied with its Wilson interval on the number of valid answers, and the mean
  keyed answer with its t interval;
- every parent of the indicator tree (aspects, parts, the overall index): the mean of its
  children's shares (`meanOfChildren`) with a logit interval on the respondent-level
  linearized standard error.

What satkit does, and so what the peers do (docs/methods-index.md, Sources/SatisfactionIndex):

- A cell is trimmed of white space, put in NFC and lower-cased; it is then a point's label
  in any language, one of the scale's missing codes (missing codes win over labels; an empty
  cell is "no answer"), or a whole number (`4`, `04`, `4.0`, `4,00`) inside the scale's
  range; anything else is invalid and its whole row is left out (`--invalid-cells
  quarantine-row`, the default). `code_cell` below is that rule.
- Missing answers of every kind leave the criterion's denominator: with v_i = 1 for a valid
  answer, y_i = 1 when the keyed value is in the scale's `satisfied` band, x_i the keyed value,
  a criterion's share is p = Σ y / Σ v and its mean m = Σ v x / Σ v.
- Variance: every row is its own PSU in one stratum of N rows (the whole file); a service is
  a domain of that design (R `subset`), so the with-replacement variance of group g is
  V = N/(N − 1) · Σ_{i in g} z_i² with z_i the influence value (Σ z = 0 within a group).
  For a criterion z_i = v_i (y_i − p)/n, so V = N/(N − 1) · p(1 − p)/n; for the mean,
  V = N/(N − 1) · Σ v (x − m)² / n².
- A parent's influence value is the mean of its children's (for `meanOfChildren`), so on a
  respondent it is Σ_c w_c v_ic (y_ic − p_c)/n_c over the criteria below, w_c the product of
  1/(number of children) along the path: answers of one person are not pooled as independent.
  This needs the row-level pass the engines do; V = N/(N − 1) · Σ z².
- Degrees of freedom of a group: its rows − 1 (whole sample: N − 1). The mean's interval is
  m ± t_df · SE; a parent's is expit(logit θ ± t_df · SE/(θ(1 − θ))); a criterion's share
  gets Wilson on (x = Σ y, n = Σ v) with the normal quantile.
- n of a parent: respondents with at least one valid answer below it; n_valid: the valid
  answers below it.
"""
import math
import statistics
import unicodedata

import pyjson5
from scipy.special import stdtrit   # the t quantile; scipy.stats itself takes seconds to import

INVALID = -1      # coded value of a cell that is not a valid answer (the row is dropped)
MISSING = 0       # coded value of no answer, don't know, not applicable

# The columns of the peers' tidy output (one row per group × entry), a subset of satkit's
# `--format csv` columns with the same names and meanings.
OUTPUT_COLUMNS = ["group", "id", "respondents", "n", "n_valid", "value", "standard_error", "lower", "upper",
                  "mean_score", "mean_lower", "mean_upper"]

SCORED_KINDS = ("overall", "evaluation", "expectation", "screener")


class Spec:
    """The survey file read for the job: scored columns, scales, tree."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            survey = pyjson5.load(f)
        rules = survey["index"]
        self.level = float(rules.get("level", 0.95))
        self.min_valid_n = int(rules.get("minValidN", 30))
        self.disclosure = int(rules.get("disclosureThreshold", 10))
        if rules.get("measure", "share") != "share" or rules.get("interval", "wilson") != "wilson":
            raise SystemExit("analyze peers: only measure share with Wilson intervals is implemented")
        if survey["columns"].get("design"):
            raise SystemExit("analyze peers: the survey declares a design; use the no-design variant (sipas-srs)")
        self.scales = survey["scales"]
        self.group_column = next(g["column"] for g in survey["columns"]["groups"] if g["id"] == "service")
        # Scored items: (id, column, scale, reverse), criteria in tree order, then questions.
        self.items = []
        # Parents: (id, {criterion id: coefficient}) in tree order (root first, depth first).
        self.parents = []
        root = {"id": "overall", "children": survey["indicators"], "combine": rules.get("combine")}
        self._walk(root, rules.get("combine", "meanOfChildren"))
        self.criteria = [item[0] for item in self.items]
        for q in survey.get("questions", []):
            if q.get("kind") in SCORED_KINDS:
                self.items.append((q["id"], q["column"], q["scale"], False))
        self.columns = [item[1] for item in self.items]
        self.tree_ids = [node for node, _ in self.parents]
        # Keyed value → satisfied (0/1) per item, and the satisfied values as a list.
        self.satisfied = {}
        for ident, _, scale, _ in self.items:
            self.satisfied[ident] = sorted(int(v) for v in self.scales[scale]["satisfied"])
        # Output order: the tree (parents and criteria interleaved, as satkit writes), questions.
        self.order = []
        self._order(root)
        self.order += [item[0] for item in self.items[len(self.criteria):]]
        self.z = statistics.NormalDist().inv_cdf((1 + self.level) / 2)

    def _walk(self, node, combine):
        if "children" not in node:
            self.items.append((node["id"], node["column"], node["scale"], bool(node.get("reverse", False))))
            return {node["id"]: 1.0}
        rule = node.get("combine") or combine
        if rule != "meanOfChildren":
            raise SystemExit(f"analyze peers: combine {rule} is not implemented (node {node['id']})")
        position = len(self.parents)
        self.parents.append(None)
        weights = {}
        for child in node["children"]:
            for criterion, w in self._walk(child, combine).items():
                weights[criterion] = weights.get(criterion, 0.0) + w / len(node["children"])
        self.parents[position] = (node["id"], weights)
        self.children = getattr(self, "children", {})
        self.children[node["id"]] = [c["id"] for c in node["children"]]
        return weights

    def _order(self, node):
        self.order.append(node["id"])
        for child in node.get("children", []):
            self._order(child)

    def scale_of(self, ident):
        return next(self.scales[s] for i, _, s, _ in self.items if i == ident)

    def coder(self, ident):
        """A function raw cell text (or None) → keyed value, MISSING or INVALID, for item `ident`."""
        _, _, scale_name, reverse = next(item for item in self.items if item[0] == ident)
        return ScaleCoder(self.scales[scale_name], reverse).code

    def quantile(self, rows):
        """t_df((1 + level)/2) for a group of `rows` respondents (df = rows − 1; normal at df ≤ 0)."""
        df = rows - 1
        p = (1 + self.level) / 2
        return float(stdtrit(df, p)) if df > 0 else self.z


def text_key(text):
    """satkit's CellText.key: trimmed of white space, NFC, lower-cased (NFC again)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text.strip()).lower())


def whole_number(text):
    """satkit's ScaleCoder.wholeNumber: `-`?, digits, optionally `.` or `,` and zeros only."""
    digits, negative = text, False
    if digits.startswith("-"):
        negative, digits = True, digits[1:]
    for sep in ".,":
        if sep in digits:
            head, _, fraction = digits.partition(sep)
            if not fraction or any(c != "0" for c in fraction):
                return None
            digits = head
            break
    if not digits or len(digits) > 9 or not all("0" <= c <= "9" for c in digits):
        return None
    return -int(digits) if negative else int(digits)


class ScaleCoder:
    def __init__(self, scale, reverse):
        points = scale["points"]
        values = [int(p["value"]) for p in points]
        self.lo, self.hi = min(values), max(values)
        self.values = values
        self.reverse = reverse
        self.by_key = {}
        for p in points:
            for label in p["label"].values():
                self.by_key[text_key(label)] = self.keyed(int(p["value"]))
        for codes in scale.get("missing", {}).values():
            for raw in codes:
                self.by_key[text_key(raw)] = MISSING
        self.by_key[""] = MISSING

    def keyed(self, v):
        return self.lo + self.hi - v if self.reverse else v

    def code(self, cell):
        if cell is None:
            return MISSING
        key = text_key(cell)
        if key in self.by_key:
            return self.by_key[key]
        number = whole_number(key)
        if number is not None and self.lo <= number <= self.hi:
            return self.keyed(self.values[number - self.lo])
        return INVALID


def fmt(x):
    """Shortest round-trip decimal, empty for None/NaN (as satkit's CSV)."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return ""
    return repr(float(x)) if isinstance(x, float) else str(x)


def wilson(x, n, z):
    if n == 0:
        return math.nan, math.nan
    z2 = z * z
    p = x / n
    centre = (x + z2 / 2) / (n + z2)
    half = z / (n + z2) * math.sqrt(x * (n - x) / n + z2 / 4)
    lower, upper = centre - half, centre + half
    if p == 0:
        lower = 0.0
    elif p == 1:
        upper = 1.0
    return max(0.0, min(lower, p)), min(1.0, max(upper, p))


def finish(spec, total_rows, groups):
    """Estimates and intervals from the engines' sums.

    `groups`: list of (group key or "" for the whole sample, sums) where sums is a dict:
    rows; for every item id i: nv_i (valid answers), x_i (satisfied), s1_i (Σ keyed value),
    s2_i (Σ keyed value²); for every parent id a: n_a (respondents with a valid answer
    below), zz_a (Σ z² over the group's rows). Returns the rows of the tidy output, as dicts.
    """
    N = total_rows
    factor = N / (N - 1) if N > 1 else math.nan
    out = []
    for key, s in groups:
        rows = int(s["rows"])
        q = spec.quantile(rows)
        values = {}
        entries = {}
        for ident, *_ in spec.items:
            nv, x, s1, s2 = (int(s[f"{k}_{ident}"]) for k in ("nv", "x", "s1", "s2"))
            if nv == 0:
                p = m = se = mse = lo = hi = mlo = mhi = math.nan
            else:
                p = x / nv
                se = math.sqrt(factor * p * (1 - p) / nv)
                lo, hi = wilson(x, nv, spec.z)
                m = s1 / nv
                ss = (s2 * nv - s1 * s1) / nv          # Σ (x − m)², exact in integers
                mse = math.sqrt(factor * ss / (nv * nv))
                mlo, mhi = (m - q * mse, m + q * mse) if mse > 0 else (m, m)
            values[ident] = p
            entries[ident] = dict(group=key, id=ident, respondents=rows, n=nv, n_valid=nv, value=p,
                                  standard_error=se, lower=lo, upper=hi, mean_score=m, mean_lower=mlo,
                                  mean_upper=mhi)
        for ident, weights in reversed(spec.parents):   # children before parents
            theta = sum(values[c] for c in spec.children[ident]) / len(spec.children[ident])
            values[ident] = theta
            n = int(s[f"n_{ident}"])
            se = math.sqrt(factor * float(s[f"zz_{ident}"]))
            if n > 0 and 0 < theta < 1 and se > 0:
                half = q * se / (theta * (1 - theta))
                l = math.log(theta / (1 - theta))
                lo, hi = 1 / (1 + math.exp(-(l - half))), 1 / (1 + math.exp(-(l + half)))
            else:   # satkit: Wilson on n with a note (never reached on the benchmark files)
                lo, hi = wilson(theta * n, n, spec.z)
            entries[ident] = dict(group=key, id=ident, respondents=rows, n=n,
                                  n_valid=sum(int(s[f"nv_{c}"]) for c in weights), value=theta,
                                  standard_error=se, lower=lo, upper=hi, mean_score=None, mean_lower=None,
                                  mean_upper=None)
        out += [entries[i] for i in spec.order]
    return out


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(OUTPUT_COLUMNS) + "\n")
        for r in rows:
            f.write(",".join(quote(fmt(r[c])) for c in OUTPUT_COLUMNS) + "\n")


def quote(text):
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n\r') else text
