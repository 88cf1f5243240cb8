#!/usr/bin/env python3
"""Scores of the LiRA reference code, leave-one-out, in MiaRepro's sign (higher: member).

Usage: lira-reference-expected.py PATH/TO/tensorflow-privacy [POPULATION_DIR]

Imports generate_ours and generate_ours_offline from the checkout's research/mi_lira_2021/plot.py (nothing of it is
copied here) and calls them for every target t with the other models, in model order, as shadows - what the
reference's do_plot does with t as the last model and ntest=1. The reference's prediction is lower for members
(sweep() takes roc_curve(x, -score)), so the scores written are its negation.

Without POPULATION_DIR it fills in the "expected" scores of tests/MiaRepro.Tests/Fixtures/lira-reference/fixture.json
(its keep and scores stay as they are). With POPULATION_DIR (a MiaRepro population folder: keep.npy, scores.npy) it
writes reference-scores.npz there, one [models, examples] array per variant.
"""
import importlib.util
import json
import os
import sys

import numpy as np

spec = importlib.util.spec_from_file_location("plot", os.path.join(sys.argv[1], "research", "mi_lira_2021", "plot.py"))
plot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plot)

VARIANTS = {
    "lira-online-reference": (plot.generate_ours, False),
    "lira-online-global-reference": (plot.generate_ours, True),
    "lira-offline-reference": (plot.generate_ours_offline, False),
    "lira-offline-global-reference": (plot.generate_ours_offline, True),
}


def leave_one_out(fn, fix_variance, keep, scores):
    out = np.zeros(keep.shape)
    for t in range(keep.shape[0]):
        others = [m for m in range(keep.shape[0]) if m != t]
        prediction, _ = fn(keep[others], scores[others], keep[[t]], scores[[t]], fix_variance=fix_variance)
        out[t] = -np.array(prediction)
    return out


if len(sys.argv) > 2:
    folder = sys.argv[2]
    keep = np.load(os.path.join(folder, "keep.npy"))
    scores = np.load(os.path.join(folder, "scores.npy")).astype(np.float64)
    np.savez(os.path.join(folder, "reference-scores.npz"),
             **{name: leave_one_out(fn, fix, keep, scores) for name, (fn, fix) in VARIANTS.items()})
    sys.exit(0)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "MiaRepro.Tests", "Fixtures", "lira-reference", "fixture.json")
with open(path) as f:
    fixture = json.load(f)
keep = np.array(fixture["keep"], dtype=bool)
scores = np.array(fixture["scores"], dtype=np.float64)
fixture["expected"] = {name: leave_one_out(fn, fix, keep, scores).ravel().tolist() for name, (fn, fix) in VARIANTS.items()}
fixture["generated_by"] = (f"scripts/lira-reference-expected.py with tensorflow/privacy research/mi_lira_2021/plot.py, "
                           f"NumPy {np.__version__}, SciPy {__import__('scipy').__version__}")
with open(path, "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
