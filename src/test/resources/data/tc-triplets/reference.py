#!/usr/bin/python3
"""Reference values of classic and extended triple collocation for the tc-triplets files.

An implementation independent of the Java code, written with NumPy only, that follows the formulas
of TU Wien's pytesmo (which it does not import or copy):

* ``pytesmo.metrics.tcol_metrics(x, y, z, ref_ind)``: the covariance matrix is ``numpy.cov`` of the
  three series (divisor n - 1); for each member i with the other two j, k:
    - error variance      Q_ii - Q_ij Q_ik / Q_jk            (stored as ``err_var``, unscaled)
    - SNR in dB           10 log10( 1 / | |Q_ii Q_jk / (Q_ij Q_ik)| - 1 | )   (absolute values as in
                          Gruber et al. 2020, eq. 11)
    - scaling factor      beta_i = Q_ref,k / Q_i,k for i != ref, 1 for the reference
                          (k the member that is neither i nor the reference; i * beta_i is i rescaled
                          to the reference)
    - scaled error std    sqrt(error variance) * beta_i      (NaN for a negative error variance)
* ``pytesmo.metrics.ecol(data)`` with three columns and no correlated pairs: the least-squares
  system whose rows are "Q_ii = signal_i + error_i" and "Q_ij Q_ik / Q_jk = signal_i", solved by
  the normal equations; absolute values of the signal and error variances (``abs_est=True``), and
  the SNR 10 log10(signal / error).
* McColl et al. (2014), eq. 9 squared: rho2_i = Q_ij Q_ik / (Q_ii Q_jk), the squared correlation
  with the unknown truth; with positive estimates it equals signal / (signal + error) of ecol, and
  the script checks that it does.

Rows with an empty cell are dropped (pytesmo is given complete triplets; triplet-2 has gaps).

Run from this directory:  /usr/bin/python3 reference.py > reference.json
"""

import json
import os
import sys

import numpy as np

FILES = ["triplet-1.csv", "triplet-2.csv", "triplet-3.csv"]
OTHERS = {0: (1, 2), 1: (0, 2), 2: (0, 1)}


def read_complete_rows(path):
    """The rows of a CSV file with header x,y,z whose three cells are all present."""
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        if header != ["x", "y", "z"]:
            raise ValueError(path + ": unexpected header " + str(header))
        for line in f:
            cells = line.rstrip("\n").split(",")
            if len(cells) != 3:
                raise ValueError(path + ": bad line " + repr(line))
            if all(c.strip() != "" for c in cells):
                rows.append([float(c) for c in cells])
    return np.array(rows, dtype=np.float64)


def error_variances(q):
    out = np.empty(3)
    for i, (j, k) in OTHERS.items():
        out[i] = q[i, i] - q[i, j] * q[i, k] / q[j, k]
    return out


def snr_db(q):
    out = np.empty(3)
    for i, (j, k) in OTHERS.items():
        ratio = abs(q[i, i] * q[j, k] / (q[i, j] * q[i, k]))
        out[i] = 10.0 * np.log10(1.0 / abs(ratio - 1.0))
    return out


def scaling(q, ref):
    out = np.empty(3)
    for i in range(3):
        if i == ref:
            out[i] = 1.0
        else:
            k = 3 - i - ref
            out[i] = q[ref, k] / q[i, k]
    return out


def ecol_three(q):
    """Signal and error variances by the least-squares system of extended collocation."""
    rows = []
    obs = []
    for i in range(3):
        line = np.zeros(6)
        line[i] = 1.0
        line[3 + i] = 1.0
        rows.append(line)
        obs.append(q[i, i])
    for i, (j, k) in OTHERS.items():
        line = np.zeros(6)
        line[i] = 1.0
        rows.append(line)
        obs.append(q[i, j] * q[i, k] / q[j, k])
    a = np.array(rows)
    y = np.array(obs)
    x = np.linalg.solve(a.T @ a, a.T @ y)
    signal = np.abs(x[:3])
    error = np.abs(x[3:])
    return signal, error, 10.0 * np.log10(signal / error)


def rho2(q):
    out = np.empty(3)
    for i, (j, k) in OTHERS.items():
        out[i] = q[i, j] * q[i, k] / (q[i, i] * q[j, k])
    return out


def analyse(path):
    data = read_complete_rows(path)
    x, y, z = data[:, 0], data[:, 1], data[:, 2]
    q = np.cov(np.vstack((x, y, z)))
    err_var = error_variances(q)
    signal, error, snr_ecol = ecol_three(q)
    r2 = rho2(q)
    # With positive estimates, McColl's rho2 is the signal share of ecol's total variance.
    if np.all(err_var > 0) and np.all(signal > 0):
        np.testing.assert_allclose(r2, signal / (signal + error), rtol=1e-12)
        np.testing.assert_allclose(snr_db(q), snr_ecol, rtol=1e-9)
    result = {
        "file": os.path.basename(path),
        "n": int(data.shape[0]),
        "mean": [float(v) for v in data.mean(axis=0)],
        "covariance": [[float(v) for v in row] for row in q],
        "error_variance": [float(v) for v in err_var],
        "snr_db": [float(v) for v in snr_db(q)],
        "rho2": [float(v) for v in r2],
        "ecol": {
            "signal_variance": [float(v) for v in signal],
            "error_variance": [float(v) for v in error],
            "snr_db": [float(v) for v in snr_ecol],
        },
        "by_reference": [],
    }
    for ref in range(3):
        beta = scaling(q, ref)
        with np.errstate(invalid="ignore"):
            err_std = np.sqrt(err_var) * beta
        result["by_reference"].append({
            "reference": ref,
            "scaling": [float(v) for v in beta],
            "scaled_error_std": [None if np.isnan(v) else float(v) for v in err_std],
        })
    return result


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = {
        "generator": "reference.py (NumPy " + np.__version__ + ")",
        "convention": "members 0, 1, 2 = columns x, y, z; covariance with divisor n - 1; complete rows only",
        "triplets": [analyse(os.path.join(here, name)) for name in FILES],
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
