#!/usr/bin/env python3
"""Recompute MiaRepro's attack metrics independently, with NumPy only, from the arrays a run wrote.

    python3 scripts/check_results.py OUT_DIR

For every recipe under OUT_DIR/populations/, reads keep.npy and scores.npy, runs loss and the four LiRA
variants (docs/attacks.md's definitions, with balanced leave-one-out: each target also drops its partner, the first
model after it, cyclically, on the other side of the example), computes AUC and TPR at 1% / 0.1% FPR (largest TPR with
FPR strictly below t), and compares them with OUT_DIR/results.json (AUC to 1e-6: the two implementations round differently where
scores nearly tie; TPRs exactly). Exits 1 on any mismatch.
"""
import json
import math
import os
import sys

import numpy as np

FPRS = ("0.1", "0.01", "0.001")


def log_ndtr(z):
    """log Phi(z) to double precision: erfc between -5 and 0, log1p above, Laplace's continued fraction for Mills' ratio below."""
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    tail = z < -5
    erfc = np.vectorize(math.erfc, otypes=[np.float64])
    upper = z > 0  # log Phi(z) = log1p(-Phi(-z)): keeps the tiny differences near 0 that log(1 - tiny) would lose
    middle = ~tail & ~upper
    out[middle] = np.log(0.5 * erfc(-z[middle] / math.sqrt(2)))
    out[upper] = np.log1p(-0.5 * erfc(z[upper] / math.sqrt(2)))
    x = -z[tail]
    fraction = np.zeros_like(x)  # becomes 1/(x + 2/(x + 3/(x + ...))), evaluated from the 80th term back
    for k in range(80, 0, -1):
        fraction = k / (x + fraction)
    out[tail] = -0.5 * x**2 - 0.5 * math.log(2 * math.pi) - np.log(x + fraction)
    return out


def log_pdf(x, mu, sigma):
    return -0.5 * ((x - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * math.log(2 * math.pi)


def partners(keep, t):
    """Per example, the first model after t (cyclically) on the other side: balanced leave-one-out drops it too."""
    m, n = keep.shape
    out = np.full(n, -1)
    for step in range(m - 1, 0, -1):
        c = (t + step) % m
        out = np.where(keep[c] != keep[t], c, out)
    return out


def lira(keep, scores, online, global_variance):
    m, n = keep.shape
    out = np.empty(keep.shape)
    for t in range(m):
        shadow = np.ones((m, n), dtype=bool)
        shadow[t] = False
        shadow[partners(keep, t), np.arange(n)] = False
        w_in = (keep & shadow)[:, :, None]
        w_out = (~keep & shadow)[:, :, None]
        s = scores
        n_in, n_out = w_in.sum(0), w_out.sum(0)
        mu_in = (s * w_in).sum(0) / n_in
        mu_out = (s * w_out).sum(0) / n_out
        if global_variance:
            sd_in = np.sqrt(((s - mu_in) ** 2 * w_in).sum() / (w_in.sum() * s.shape[2])) + 1e-30
            sd_out = np.sqrt(((s - mu_out) ** 2 * w_out).sum() / (w_out.sum() * s.shape[2])) + 1e-30
        else:
            sd_in = np.sqrt(((s - mu_in) ** 2 * w_in).sum(0) / n_in) + 1e-30
            sd_out = np.sqrt(((s - mu_out) ** 2 * w_out).sum(0) / n_out) + 1e-30
        x = scores[t]
        if online:
            out[t] = (log_pdf(x, mu_in, sd_in) - log_pdf(x, mu_out, sd_out)).mean(1)
        else:
            out[t] = log_ndtr((x - mu_out) / sd_out).mean(1)
    return out


def loss(keep, scores):
    return -np.logaddexp(0, -scores).mean(2)


def metrics(score, member):
    order = np.argsort(-score, kind="stable")
    s, t = score[order], member[order]
    last = np.r_[s[1:] != s[:-1], True]
    tp = np.r_[0, np.cumsum(t)[last]] / t.sum()
    fp = np.r_[0, np.cumsum(~t)[last]] / (~t).sum()
    auc = float(np.sum((fp[1:] - fp[:-1]) * (tp[1:] + tp[:-1]) / 2))
    tpr = {}
    for key in FPRS:
        f = float(key)
        tpr[key] = float(tp[fp < f].max()) if (~t).sum() >= 10 / f else None
    return auc, tpr


def main(out_dir):
    results = json.load(open(os.path.join(out_dir, "results.json")))
    attacks = {
        "loss": loss,
        "lira-online": lambda k, s: lira(k, s, True, False),
        "lira-offline": lambda k, s: lira(k, s, False, False),
        "lira-online-global": lambda k, s: lira(k, s, True, True),
        "lira-offline-global": lambda k, s: lira(k, s, False, True),
    }
    bad = 0
    for recipe, recorded in results["recipes"].items():
        folder = os.path.join(out_dir, "populations", recipe)
        keep = np.load(os.path.join(folder, "keep.npy"))
        scores = np.load(os.path.join(folder, "scores.npy"))
        for name, attack in attacks.items():
            if recorded["attacks"].get(name) is None:
                print(f"skip {recipe:22s} {name:20s} not run: {recorded.get('attack_null_reasons', {}).get(name)}")
                continue
            auc, tpr = metrics(attack(keep, scores).ravel(), keep.ravel())
            theirs = recorded["attacks"][name]
            same = abs(auc - theirs["auc"]) < 1e-6 and all(
                (tpr[k] is None and theirs["tpr_at_fpr"][k] is None)
                or (tpr[k] is not None and theirs["tpr_at_fpr"][k] is not None and abs(tpr[k] - theirs["tpr_at_fpr"][k]) < 1e-9)
                for k in FPRS)
            bad += not same
            shown = " ".join(f"TPR@{k}={tpr[k]}" for k in FPRS)
            print(f"{'ok  ' if same else 'DIFF'} {recipe:22s} {name:20s} AUC={auc:.6f} (|Δ|={abs(auc - theirs['auc']):.1e}) {shown}")
    print("all match" if bad == 0 else f"{bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
