package org.eigenstudy.backend.statistics.mixed;

/**
 * The penalised least-squares system of lme4 (Bates et al. 2015, eq. 18) for crossed participant
 * and axis effects, factored by blocks instead of as one sparse matrix.
 *
 * <p>With random effects ordered participants first (k per participant), then axes (one each), then
 * the fixed effects, the matrix [ΛᵀZᵀWZΛ + I, ΛᵀZᵀWX; XᵀWZΛ, XᵀWX] has a block-diagonal participant
 * block (k × k per participant) and a diagonal axis block, so its Cholesky factor costs
 * O(participants · axes² · k) rather than O((participants · k + axes)³): the participant blocks are
 * factored one by one and only the axes' Schur complement (axes × axes) is dense. The cross
 * products are accumulated once per weight vector, so for the linear model an evaluation of the
 * deviance does not touch the rows at all.
 *
 * <p>Longer than this package's other classes on purpose: accumulation, block factorisation and the
 * solve share the same block layout and scratch arrays, and splitting them would pass a dozen
 * arrays between classes on the hot path of every deviance evaluation.
 */
final class CrossedSystem {

    private final MixedDesign d;
    final int participants;
    final int axes;
    final int k;
    final int p;

    // Weighted cross products (Z split into participant and axis parts).
    private final double[] cpp;
    private final double[] caa;
    private final double[] cpa;
    private final double[] cpx;
    private final double[] cax;
    private final double[] cxx;
    private final double[] cpy;
    private final double[] cay;
    private final double[] cxy;
    private double yy;

    // The factor for the last θ.
    private final double[] l11;
    private final double[] wj;
    private final double[] l22;
    private final double[] vj;
    private final double[] l32t;
    private final double[] l23;
    private final double[] lx;
    private final double[] t;
    private final double[] ct;

    // Axes renumbered so that axes of one participant-design pattern (one class, with slopes) are
    // contiguous; null when an axis has rows of several patterns (then the general Gram is used).
    private final int[] position;
    private final int[] segment;
    // The patterned path's per-participant factors, stored by participant so that the sums over
    // participants run over contiguous memory (see subtractPatternedGram): counts n_ja (axes ×
    // participants), gⱼ (k × k each), ⟨gⱼ(c), gⱼ(e)⟩ (one row of participants per class pair)
    // and Vⱼᵀgⱼ (one row per fixed effect and class).
    private final double[] counts;
    private final double[] gAll;
    private final double[] gramAll;
    private final double[] crossAll;
    private final double[] row0;
    private final double[] row1;
    private double ta;
    private double logDetL;
    private double logDetRx;

    /**
     * @param withFixed false to leave X out (the fixed effects are then an offset of the response)
     */
    CrossedSystem(MixedDesign d, boolean withFixed) {
        this(d, withFixed, true);
    }

    /**
     * @param byPattern false to take the general path even where axes are nested in class (a test
     *     compares the two)
     */
    CrossedSystem(MixedDesign d, boolean withFixed, boolean byPattern) {
        this.d = d;
        this.participants = d.participants;
        this.axes = d.axes;
        this.k = d.k;
        this.p = withFixed ? d.p : 0;
        cpp = new double[participants * k * k];
        caa = new double[axes];
        cpa = new double[participants * axes * k];
        cpx = new double[participants * k * p];
        cax = new double[axes * p];
        cxx = new double[p * p];
        cpy = new double[participants * k];
        cay = new double[axes];
        cxy = new double[p];
        l11 = new double[participants * k * k];
        position = byPattern ? patternOrder(d) : null;
        segment = position == null ? null : segments(d, position);
        wj = new double[position == null ? participants * k * axes : 0];
        l22 = new double[axes * axes];
        vj = new double[participants * k * p];
        l32t = new double[axes * p];
        l23 = new double[p * axes];
        lx = new double[p * p];
        t = new double[k * k];
        ct = new double[k * k];
        boolean patterned = position != null;
        counts = new double[patterned ? axes * participants : 0];
        gAll = new double[patterned ? participants * k * k : 0];
        gramAll = new double[patterned ? k * (k + 1) / 2 * participants : 0];
        crossAll = new double[patterned ? p * k * participants : 0];
        row0 = new double[patterned ? participants : 0];
        row1 = new double[patterned ? participants : 0];
    }

    /** The participant-design pattern of row i: its class with slopes, else the one pattern 0. */
    private static int pattern(MixedDesign d, int i) {
        return d.k > 1 ? d.cls[i] : 0;
    }

    /**
     * Each axis' new number, axes sorted by pattern (stable), or null when there is no axis term or
     * an axis has rows of two patterns (a design whose axes are not nested in class).
     */
    private static int[] patternOrder(MixedDesign d) {
        if (d.axes == 0) {
            return null;
        }
        int[] of = new int[d.axes];
        java.util.Arrays.fill(of, -1);
        for (int i = 0; i < d.n; i++) {
            int a = d.axis[i];
            int c = pattern(d, i);
            if (of[a] >= 0 && of[a] != c) {
                return null;
            }
            of[a] = c;
        }
        int[] count = new int[d.k + 1];
        for (int a = 0; a < d.axes; a++) {
            count[Math.max(of[a], 0) + 1]++;
        }
        for (int c = 1; c <= d.k; c++) {
            count[c] += count[c - 1];
        }
        int[] position = new int[d.axes];
        for (int a = 0; a < d.axes; a++) {
            position[a] = count[Math.max(of[a], 0)]++;
        }
        return position;
    }

    /** segment[c] .. segment[c + 1] − 1: the renumbered axes of pattern c. */
    private static int[] segments(MixedDesign d, int[] position) {
        int[] segment = new int[d.k + 1];
        int[] of = new int[d.axes];
        for (int i = 0; i < d.n; i++) {
            of[d.axis[i]] = pattern(d, i);
        }
        for (int a = 0; a < d.axes; a++) {
            segment[of[a] + 1]++;
        }
        for (int c = 1; c <= d.k; c++) {
            segment[c] += segment[c - 1];
        }
        return segment;
    }

    /**
     * Accumulates ZᵀWZ, ZᵀWX, XᵀWX, ZᵀWr, XᵀWr and rᵀWr.
     *
     * @param w weights, or null for all 1
     * @param r the response (the working response for PIRLS)
     */
    void accumulate(double[] w, double[] r) {
        java.util.Arrays.fill(cpp, 0);
        java.util.Arrays.fill(caa, 0);
        java.util.Arrays.fill(cpa, 0);
        java.util.Arrays.fill(cpx, 0);
        java.util.Arrays.fill(cax, 0);
        java.util.Arrays.fill(cxx, 0);
        java.util.Arrays.fill(cpy, 0);
        java.util.Arrays.fill(cay, 0);
        java.util.Arrays.fill(cxy, 0);
        yy = 0;
        int[] nz = new int[2];
        for (int i = 0; i < d.n; i++) {
            double wi = w == null ? 1 : w[i];
            double ri = r[i];
            int j = d.participant[i];
            // A row's participant design is 1 and, with slopes, one class dummy: two non-zeros.
            int m = 1;
            nz[0] = 0;
            if (k > 1 && d.cls[i] > 0) {
                nz[m++] = d.cls[i];
            }
            int xo = i * d.p;
            for (int s = 0; s < m; s++) {
                int zs = nz[s];
                for (int u = 0; u < m; u++) {
                    cpp[(j * k + zs) * k + nz[u]] += wi;
                }
                cpy[j * k + zs] += wi * ri;
                for (int c = 0; c < p; c++) {
                    cpx[(j * k + zs) * p + c] += wi * d.x[xo + c];
                }
            }
            if (axes > 0) {
                int a = position == null ? d.axis[i] : position[d.axis[i]];
                caa[a] += wi;
                cay[a] += wi * ri;
                for (int s = 0; s < m; s++) {
                    cpa[(j * axes + a) * k + nz[s]] += wi;
                }
                for (int c = 0; c < p; c++) {
                    cax[a * p + c] += wi * d.x[xo + c];
                }
            }
            // No test for zero entries (class dummies): on rows in random order the branch costs
            // more than the multiply-adds it would skip.
            for (int c = 0; c < p; c++) {
                double xc = wi * d.x[xo + c];
                for (int e = 0; e <= c; e++) {
                    cxx[c * p + e] += xc * d.x[xo + e];
                }
                cxy[c] += xc * ri;
            }
            yy += wi * ri * ri;
        }
        if (position != null) {
            for (int j = 0; j < participants; j++) {
                for (int a = 0; a < axes; a++) {
                    counts[a * participants + j] = cpa[(j * axes + a) * k];
                }
            }
        }
    }

    /**
     * Factors the system for relative covariance factors T (k × k lower triangular, the participant
     * block of Λ) and {@code axisFactor} (the axis block of Λ, a multiple of I).
     */
    void factor(double[] participantFactor, double axisFactor) {
        System.arraycopy(participantFactor, 0, t, 0, k * k);
        ta = axisFactor;
        if (axes > 0) {
            java.util.Arrays.fill(l22, 0);
            for (int a = 0; a < axes; a++) {
                l22[a * axes + a] = ta * ta * caa[a] + 1;
            }
        }
        // The work is split into methods called once per participant or participant row: each is
        // invoked thousands of times per factorisation, so the JIT compiles it fully within the
        // first fit, where one large method called a few hundred times ran in profiling code for
        // most of the benchmark's first run (docs/benchmarks.md, mixed models).
        double logL = 0;
        for (int j = 0; j < participants; j++) {
            logL += factorParticipant(j);
        }
        if (axes > 0) {
            if (position == null) {
                subtractGram(participants * k);
            } else {
                subtractPatternedGram();
            }
            Dense.cholesky(l22, 0, axes);
            logL += Dense.logDiagonal(l22, 0, axes);
        }
        logDetL = 2 * logL;
        // No `p > 0` tests here or in factorParticipant and solve: loops of zero trips serve the
        // random-only system of the GLMM's stage 2, where a test only ever passed before would
        // make the JIT throw away and recompile these methods mid-analysis.
        if (axes > 0) {
            // Accumulated column by column (contiguous over axes), then transposed into
            // l32t's row-major axes × p layout.
            for (int c = 0; c < p; c++) {
                for (int a = 0; a < axes; a++) {
                    l23[c * axes + a] = ta * cax[a * p + c];
                }
            }
            if (position == null) {
                for (int row = 0; row < participants * k; row++) {
                    subtractCross(row);
                }
            } else {
                subtractPatternedCross();
            }
            for (int a = 0; a < axes; a++) {
                for (int c = 0; c < p; c++) {
                    l32t[a * p + c] = l23[c * axes + a];
                }
            }
            Dense.forward(l22, 0, axes, l32t, 0, p);
        }
        for (int c = 0; c < p; c++) {
            for (int e = 0; e <= c; e++) {
                double s = cxx[c * p + e];
                for (int a = 0; a < axes; a++) {
                    s -= l32t[a * p + c] * l32t[a * p + e];
                }
                lx[c * p + e] = s;
            }
        }
        for (int row = 0; row < participants * k; row++) {
            subtractFixed(row);
        }
        Dense.cholesky(lx, 0, p);
        logDetRx = 2 * Dense.logDiagonal(lx, 0, p);
    }

    /**
     * Participant j's diagonal block L11ⱼ (Cholesky of Tᵀ Cⱼ T + I), its rows of W (axes) and V
     * (fixed effects); returns log of L11ⱼ's diagonal product.
     */
    private double factorParticipant(int j) {
        int o = j * k * k;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int e = 0; e < k; e++) {
                    s += cpp[o + r * k + e] * t[e * k + c];
                }
                ct[r * k + c] = s;
            }
        }
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double s = r == c ? 1 : 0;
                for (int e = 0; e < k; e++) {
                    s += t[e * k + r] * ct[e * k + c];
                }
                l11[o + r * k + c] = s;
            }
        }
        Dense.cholesky(l11, o, k);
        if (axes > 0 && position != null) {
            patternedFactors(j, o);
        } else if (axes > 0) {
            int wo = j * k * axes;
            for (int r = 0; r < k; r++) {
                for (int a = 0; a < axes; a++) {
                    double s = 0;
                    for (int e = r; e < k; e++) {
                        s += t[e * k + r] * cpa[(j * axes + a) * k + e];
                    }
                    wj[wo + r * axes + a] = ta * s;
                }
            }
            Dense.forward(l11, o, k, wj, wo, axes);
        }
        int vo = j * k * p;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int e = r; e < k; e++) {
                    s += t[e * k + r] * cpx[(j * k + e) * p + c];
                }
                vj[vo + r * p + c] = s;
            }
        }
        Dense.forward(l11, o, k, vj, vo, p);
        if (axes > 0 && position != null) {
            for (int c = 0; c < p; c++) {
                for (int e = 0; e < k; e++) {
                    double s = 0;
                    for (int r = 0; r < k; r++) {
                        s += vj[vo + r * p + c] * gAll[j * k * k + r * k + e];
                    }
                    crossAll[(c * k + e) * participants + j] = s;
                }
            }
        }
        return Dense.logDiagonal(l11, o, k);
    }

    /** l23 −= (row of V)ᵀ (row of W): one participant row's part of the fixed × axes block. */
    private void subtractCross(int row) {
        int wo = row * axes;
        for (int c = 0; c < p; c++) {
            double v = vj[row * p + c];
            if (v != 0) {
                int co = c * axes;
                for (int a = 0; a < axes; a++) {
                    l23[co + a] -= v * wj[wo + a];
                }
            }
        }
    }

    /** lx −= (row of V)ᵀ (row of V), lower triangle: one participant row's part of R_X. */
    private void subtractFixed(int row) {
        int vo = row * p;
        for (int c = 0; c < p; c++) {
            double v = vj[vo + c];
            if (v != 0) {
                for (int e = 0; e <= c; e++) {
                    lx[c * p + e] -= v * vj[vo + e];
                }
            }
        }
    }

    /**
     * Participant j's factors for the axes' block, when every axis has one participant-design
     * pattern z(c) (one class): then column a of ZⱼᵀZ_axis is n_ja z(c_a), so Wⱼ's column a is ta
     * n_ja gⱼ(c_a) with gⱼ(c) = L11ⱼ⁻¹ Tᵀ z(c), and WⱼᵀWⱼ[a, b] = ta² n_ja n_jb ⟨gⱼ(c_a), gⱼ(c_b)⟩.
     * W itself is never formed: the k × k matrix gⱼ and the k(k + 1)/2 inner products stand for its
     * k × axes entries.
     */
    private void patternedFactors(int j, int o) {
        int go = j * k * k;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                gAll[go + r * k + c] = t[r] + (c > 0 ? t[c * k + r] : 0);
            }
        }
        Dense.forward(l11, o, k, gAll, go, k);
        for (int c = 0; c < k; c++) {
            for (int e = 0; e <= c; e++) {
                double s = 0;
                for (int r = 0; r < k; r++) {
                    s += gAll[go + r * k + c] * gAll[go + r * k + e];
                }
                gramAll[pair(c, e) * participants + j] = s;
            }
        }
    }

    private static int pair(int c, int e) {
        return c * (c + 1) / 2 + e;
    }

    /**
     * l22 −= ta² Σⱼ n_ja n_jb ⟨gⱼ(c_a), gⱼ(c_b)⟩ over the lower triangle: per class pair a matrix
     * product Nᵀ diag(γ) N with the participants as inner dimension, in tiles of two rows by four
     * columns whose eight sums stay in registers. The same sum taken participant by participant (an
     * update of the whole triangle per participant) stores every element of l22 once per
     * participant; here each element is stored once. With W no longer formed, a factorisation of
     * the benchmark's slope model went from 2.4 to 1.15 ms (docs/benchmarks.md, mixed models).
     */
    private void subtractPatternedGram() {
        int n = participants;
        double scale = ta * ta;
        for (int c = 0; c < k; c++) {
            for (int e = 0; e <= c; e++) {
                int go = pair(c, e) * n;
                for (int a = segment[c]; a < segment[c + 1]; a += 2) {
                    int a1 = Math.min(a + 1, segment[c + 1] - 1);
                    for (int i = 0; i < n; i++) {
                        row0[i] = counts[a * n + i] * gramAll[go + i];
                        row1[i] = counts[a1 * n + i] * gramAll[go + i];
                    }
                    int end = e == c ? a1 + 1 : segment[e + 1];
                    int b = segment[e];
                    for (; b + 4 <= end; b += 4) {
                        tile(a, a1, b, scale);
                    }
                    for (; b < end; b++) {
                        double s0 = 0;
                        double s1 = 0;
                        for (int i = 0; i < n; i++) {
                            double nb = counts[b * n + i];
                            s0 += row0[i] * nb;
                            s1 += row1[i] * nb;
                        }
                        subtractLower(a, b, scale * s0);
                        if (a1 != a) {
                            subtractLower(a1, b, scale * s1);
                        }
                    }
                }
            }
        }
    }

    /** The 2 × 4 tile of rows a, a1 and columns b .. b + 3 of the sums above. */
    private void tile(int a, int a1, int b, double scale) {
        int n = participants;
        int o0 = b * n;
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int i = 0; i < n; i++) {
            double y0 = row0[i];
            double y1 = row1[i];
            double x0 = counts[o0 + i];
            double x1 = counts[o1 + i];
            double x2 = counts[o2 + i];
            double x3 = counts[o3 + i];
            s00 += y0 * x0;
            s01 += y0 * x1;
            s02 += y0 * x2;
            s03 += y0 * x3;
            s10 += y1 * x0;
            s11 += y1 * x1;
            s12 += y1 * x2;
            s13 += y1 * x3;
        }
        subtractLower(a, b, scale * s00);
        subtractLower(a, b + 1, scale * s01);
        subtractLower(a, b + 2, scale * s02);
        subtractLower(a, b + 3, scale * s03);
        if (a1 != a) {
            subtractLower(a1, b, scale * s10);
            subtractLower(a1, b + 1, scale * s11);
            subtractLower(a1, b + 2, scale * s12);
            subtractLower(a1, b + 3, scale * s13);
        }
    }

    /**
     * l22[a, b] −= v where (a, b) is in the lower triangle (a tile may reach past the diagonal).
     */
    private void subtractLower(int a, int b, double v) {
        if (b <= a) {
            l22[a * axes + b] -= v;
        }
    }

    /** l23[c, a] −= ta Σⱼ n_ja (Vⱼᵀgⱼ)[c, c_a]: the fixed × axes block without W. */
    private void subtractPatternedCross() {
        int n = participants;
        for (int c = 0; c < p; c++) {
            for (int e = 0; e < k; e++) {
                int ho = (c * k + e) * n;
                for (int a = segment[e]; a < segment[e + 1]; a++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += counts[a * n + i] * crossAll[ho + i];
                    }
                    l23[c * axes + a] -= ta * s;
                }
            }
        }
    }

    /**
     * The axes' Schur complement l22 −= Wᵀ W over all participant rows: the general case, for a
     * design whose axes are not nested in class (see {@link #patternedBlock}).
     */
    private void subtractGram(int rows) {
        for (int row = 0; row < rows; row++) {
            int wo = row * axes;
            for (int a = 0; a < axes; a++) {
                double wa = wj[wo + a];
                if (wa != 0) {
                    int lo = a * axes;
                    for (int b = 0; b <= a; b++) {
                        l22[lo + b] -= wa * wj[wo + b];
                    }
                }
            }
        }
    }

    /** log |L_θ|² of the last factor (random-effects block only). */
    double logDetL() {
        return logDetL;
    }

    /** log |R_X|² of the last factor. */
    double logDetRx() {
        return logDetRx;
    }

    /** (R_Xᵀ R_X)⁻¹, the unscaled covariance of β̂. */
    double[] unscaledCovariance() {
        return Dense.inverseFromCholesky(lx, p);
    }

    /**
     * Solves for the conditional modes with the last factor and accumulated right-hand side.
     *
     * @param u receives the spherical random effects (participants · k, then axes)
     * @param beta receives β̂ (length p; unused when the system has no fixed part)
     * @return the penalised residual sum of squares r² = min ‖W^½(r − Xβ − ZΛu)‖² + ‖u‖²
     */
    double solve(double[] u, double[] beta) {
        int pk = participants * k;
        double[] w1 = new double[pk];
        double norm = 0;
        // Per-participant steps are methods of their own, as in factor(): compiled once, early.
        for (int j = 0; j < participants; j++) {
            norm += forwardParticipant(j, w1);
        }
        double[] w2 = new double[axes];
        if (axes > 0) {
            for (int a = 0; a < axes; a++) {
                w2[a] = ta * cay[a];
            }
            if (position == null) {
                for (int row = 0; row < pk; row++) {
                    double v = w1[row];
                    for (int a = 0; a < axes; a++) {
                        w2[a] -= wj[row * axes + a] * v;
                    }
                }
            } else {
                subtractPatternedRows(w1, w2);
            }
            Dense.forward(l22, 0, axes, w2, 0, 1);
            for (double v : w2) {
                norm += v * v;
            }
        }
        double[] w3 = new double[p];
        for (int c = 0; c < p; c++) {
            double s = cxy[c];
            for (int row = 0; row < pk; row++) {
                s -= vj[row * p + c] * w1[row];
            }
            for (int a = 0; a < axes; a++) {
                s -= l32t[a * p + c] * w2[a];
            }
            w3[c] = s;
        }
        Dense.forward(lx, 0, p, w3, 0, 1);
        for (double v : w3) {
            norm += v * v;
        }
        Dense.backward(lx, 0, p, w3, 0, 1);
        System.arraycopy(w3, 0, beta, 0, p);
        if (axes > 0) {
            for (int a = 0; a < axes; a++) {
                for (int c = 0; c < p; c++) {
                    w2[a] -= l32t[a * p + c] * w3[c];
                }
            }
            Dense.backward(l22, 0, axes, w2, 0, 1);
            for (int a = 0; a < axes; a++) {
                u[pk + a] = w2[position == null ? a : position[a]];
            }
            if (position != null) {
                subtractPatternedColumns(w2, w1);
            }
        }
        for (int j = 0; j < participants; j++) {
            backwardParticipant(j, w1, w2, w3);
        }
        System.arraycopy(w1, 0, u, 0, pk);
        return Math.max(0, yy - norm);
    }

    /** w1ⱼ = L11ⱼ⁻¹ Tᵀ (Zⱼᵀ r); returns ‖w1ⱼ‖². */
    private double forwardParticipant(int j, double[] w1) {
        for (int r = 0; r < k; r++) {
            double s = 0;
            for (int e = r; e < k; e++) {
                s += t[e * k + r] * cpy[j * k + e];
            }
            w1[j * k + r] = s;
        }
        Dense.forward(l11, j * k * k, k, w1, j * k, 1);
        double norm = 0;
        for (int r = 0; r < k; r++) {
            norm += w1[j * k + r] * w1[j * k + r];
        }
        return norm;
    }

    /** uⱼ = L11ⱼ⁻ᵀ (w1ⱼ − Wⱼ w2 − Vⱼ w3), Wⱼ w2 already subtracted on the patterned path. */
    private void backwardParticipant(int j, double[] w1, double[] w2, double[] w3) {
        for (int row = j * k; row < (j + 1) * k; row++) {
            double s = w1[row];
            if (position == null) {
                for (int a = 0; a < axes; a++) {
                    s -= wj[row * axes + a] * w2[a];
                }
            }
            for (int c = 0; c < p; c++) {
                s -= vj[row * p + c] * w3[c];
            }
            w1[row] = s;
        }
        Dense.backward(l11, j * k * k, k, w1, j * k, 1);
    }

    /** w2[a] −= Σⱼ (Wⱼᵀ w1ⱼ)[a] = ta n_ja ⟨gⱼ(c_a), w1ⱼ⟩ on the patterned path. */
    private void subtractPatternedRows(double[] w1, double[] w2) {
        int n = participants;
        for (int e = 0; e < k; e++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int r = 0; r < k; r++) {
                    s += gAll[j * k * k + r * k + e] * w1[j * k + r];
                }
                row0[j] = s;
            }
            for (int a = segment[e]; a < segment[e + 1]; a++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += counts[a * n + j] * row0[j];
                }
                w2[a] -= ta * s;
            }
        }
    }

    /** w1ⱼ −= Wⱼ w2 = Σ_c gⱼ(c) ta Σ_{a of class c} n_ja w2[a] on the patterned path. */
    private void subtractPatternedColumns(double[] w2, double[] w1) {
        int n = participants;
        for (int e = 0; e < k; e++) {
            java.util.Arrays.fill(row0, 0);
            for (int a = segment[e]; a < segment[e + 1]; a++) {
                double v = ta * w2[a];
                for (int j = 0; j < n; j++) {
                    row0[j] += counts[a * n + j] * v;
                }
            }
            for (int j = 0; j < n; j++) {
                for (int r = 0; r < k; r++) {
                    w1[j * k + r] -= gAll[j * k * k + r * k + e] * row0[j];
                }
            }
        }
    }

    /** Row i's linear predictor from random effects: z_iᵀ T u_participant + ta u_axis. */
    static double randomPart(MixedDesign d, double[] t, double ta, int i, double[] u) {
        int k = d.k;
        int j = d.participant[i];
        double s = 0;
        for (int r = 0; r < k; r++) {
            if (d.z(i, r) != 0) {
                for (int e = 0; e <= r; e++) {
                    s += t[r * k + e] * u[j * k + e];
                }
            }
        }
        if (d.axes > 0) {
            s += ta * u[d.participants * k + d.axis[i]];
        }
        return s;
    }
}
