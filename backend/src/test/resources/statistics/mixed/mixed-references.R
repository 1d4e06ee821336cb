# Regenerates the data sets and lme4 / lmerTest / emmeans reference values that
# org.eigenstudy.backend.statistics.mixed.*Test compare with. R is used only here, never at run time.
#   cd backend/src/test/resources/statistics/mixed && Rscript mixed-references.R
# Writes data-<name>.csv (inputs) and references.csv (dataset, fit, quantity, index, value, call).
# Checked with R 4.2.2, lme4 1.1-31, lmerTest 3.1-3, emmeans 1.8.4 (Debian bookworm). A rerun on another
# day reproduces the committed values to ~1e-7 relative (the optimisers stop within their tolerances);
# the tests allow 1e-4, so only the rows of a new data set need committing.
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(emmeans) })
emm_options(lmer.df = "satterthwaite")

classes <- c("top", "orthogonal", "bottom")

# One row per (participant, axis) shown (repeats > 1: each shown that many times, as when a study has
# several reference codes per axis); magnitude only when a change was seen, as on the platform.
generate <- function(seed, participants, axesPerClass, models, sdPart, sdSlope, sdAxis, sdRes, keep,
                     dropBottom = 0, repeats = 1) {
  set.seed(seed)
  axes <- do.call(rbind, lapply(models, function(m) do.call(rbind, lapply(seq_along(classes), function(c)
    data.frame(model = m, class = classes[c], axis = paste0(m, ":", classes[c], seq_len(axesPerClass[c])))))))
  axes$axisEffect <- rnorm(nrow(axes), 0, sdAxis)
  axes$axisLogit <- rnorm(nrow(axes), 0, 0.6)
  rows <- merge(data.frame(participant = sprintf("p%02d", seq_len(participants))), axes)
  pe <- data.frame(participant = sprintf("p%02d", seq_len(participants)), pInt = rnorm(participants, 0, sdPart),
                   pOrth = rnorm(participants, 0, sdSlope), pBot = rnorm(participants, 0, sdSlope),
                   pLogit = rnorm(participants, 0, 0.8))
  rows <- merge(rows, pe)
  rows <- rows[order(rows$participant, rows$axis), ]
  rows <- rows[rep(seq_len(nrow(rows)), each = repeats), ]
  rows <- rows[runif(nrow(rows)) < keep, ]
  if (dropBottom > 0) {
    gone <- sprintf("p%02d", seq_len(dropBottom))
    rows <- rows[!(rows$participant %in% gone & rows$class == "bottom"), ]
  }
  classMean <- c(top = 70, orthogonal = 66, bottom = 60)[rows$class]
  modelShift <- ifelse(rows$model == models[1], 0, 4)
  slope <- ifelse(rows$class == "orthogonal", rows$pOrth, ifelse(rows$class == "bottom", rows$pBot, 0))
  logit <- c(top = 2.2, orthogonal = 1.8, bottom = 0)[rows$class] + rows$pLogit + rows$axisLogit
  rows$seen <- as.integer(runif(nrow(rows)) < plogis(logit))
  mag <- classMean + modelShift + rows$pInt + slope + rows$axisEffect + rnorm(nrow(rows), 0, sdRes)
  rows$magnitude <- ifelse(rows$seen == 1, round(mag, 2), NA)
  rows$difficulty <- pmin(9, pmax(1, round(5 + (rows$class == "bottom") + rows$pInt / 6 + rnorm(nrow(rows), 0, 1.5))))
  rows[, c("participant", "model", "axis", "class", "seen", "magnitude", "difficulty")]
}

datasets <- list(
  balanced = generate(101, 20, c(8, 8, 8), "m1", 8, 5, 4, 10, 1.0),
  unbalanced = generate(202, 30, c(10, 6, 4), "m1", 8, 5, 4, 10, 0.6, dropBottom = 5),
  singular = generate(303, 16, c(4, 4, 4), "m1", 6, 0, 0, 12, 1.0),
  twomodels = generate(404, 24, c(5, 5, 5), c("m1", "m2"), 8, 5, 4, 10, 0.7),
  repeated = generate(505, 16, c(5, 5, 5), "m1", 8, 5, 4, 10, 0.8, repeats = 3))

out <- list()
put <- function(dataset, fit, quantity, values, call) {
  out[[length(out) + 1]] <<- data.frame(dataset = dataset, fit = fit, quantity = quantity,
    index = seq_along(values) - 1, value = sprintf("%.15g", as.numeric(values)), call = call)
}
tight <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5))
# tolPwrss: with the default 1e-7 PIRLS stops early when a participant saw every change (balanced: p06),
# which moves glmer's beta by 1e-3; 1e-10 gives the optimum of the Laplace deviance.
gtight <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5), tolPwrss = 1e-10)

# Coefficients of top - orthogonal, top - bottom, orthogonal - bottom over emmeans' levels.
pairwiseContrasts <- function(lv) list(
  top_orthogonal = sapply(lv, function(c) (c == "top") - (c == "orthogonal")),
  top_bottom = sapply(lv, function(c) (c == "top") - (c == "bottom")),
  orthogonal_bottom = sapply(lv, function(c) (c == "orthogonal") - (c == "bottom")))

lmmReferences <- function(name, d, fitName, formula, reml) {
  call <- sprintf("lmer(%s, data = subset(%s, seen == 1), REML = %s, control = lmerControl(optimizer = 'bobyqa', optCtrl = list(rhoend = 1e-10)))",
                  deparse(formula), name, reml)
  f <- lmer(formula, data = subset(d, seen == 1), REML = reml, control = tight)
  dflt <- lmer(formula, data = subset(d, seen == 1), REML = reml)
  cat(sprintf("%s %s: default-vs-tight max rel. diff of fixef %.2e, theta %.2e\n", name, fitName,
              max(abs(fixef(dflt) / fixef(f) - 1)), max(abs(getME(dflt, "theta") - getME(f, "theta")))))
  put(name, fitName, "beta", fixef(f), paste0("fixef(", call, ")"))
  put(name, fitName, "se", sqrt(diag(as.matrix(vcov(f)))), "sqrt(diag(vcov(fit)))")
  put(name, fitName, "theta", getME(f, "theta"), "getME(fit, 'theta')")
  put(name, fitName, "sigma2", sigma(f)^2, "sigma(fit)^2")
  vc <- VarCorr(f)
  put(name, fitName, "var_participant", as.vector(vc$participant), "as.vector(VarCorr(fit)$participant)")
  if (!is.null(vc$axis)) put(name, fitName, "var_axis", as.vector(vc$axis), "as.vector(VarCorr(fit)$axis)")
  put(name, fitName, "logLik", as.numeric(logLik(f)), "as.numeric(logLik(fit))")
  put(name, fitName, "deviance_criterion", if (reml) getME(f, "devcomp")$cmp[["REML"]] else deviance(f),
      if (reml) "getME(fit, 'devcomp')$cmp[['REML']] (REML criterion)" else "deviance(fit)")
  put(name, fitName, "isSingular", as.integer(isSingular(f)), "isSingular(fit)")
  if (reml) {
    ft <- as_lmerModLmerTest(f)
    p <- length(fixef(f))
    L <- matrix(0, 3, p)
    L[1, 2] <- -1; L[2, 3] <- -1; L[3, 2] <- 1; L[3, 3] <- -1  # top-orth, top-bottom, orth-bottom
    ct <- do.call(rbind, lapply(1:3, function(i) contest(ft, L[i, , drop = FALSE], ddf = "Satterthwaite")))
    put(name, fitName, "lmertest_df", ct$DenDF, "contest(as_lmerModLmerTest(fit), L, ddf = 'Satterthwaite')$DenDF for L = top-orthogonal, top-bottom, orthogonal-bottom")
    put(name, fitName, "lmertest_p", ct[["Pr(>F)"]], "contest(..., ddf = 'Satterthwaite')[['Pr(>F)']]")
    emm <- emmeans(f, ~class, lmer.df = "satterthwaite")
    s <- summary(emm)[match(classes, summary(emm)$class), ]
    put(name, fitName, "emm", s$emmean, "summary(emmeans(fit, ~class, lmer.df = 'satterthwaite'))$emmean")
    put(name, fitName, "emm_se", s$SE, "... $SE")
    put(name, fitName, "emm_df", s$df, "... $df")
    put(name, fitName, "emm_lower", s$lower.CL, "... $lower.CL")
    put(name, fitName, "emm_upper", s$upper.CL, "... $upper.CL")
    pairwise <- pairwiseContrasts(levels(emm)$class)
    pr <- summary(contrast(emm, pairwise, adjust = "holm"))
    ci <- confint(contrast(emm, pairwise, adjust = "none"))
    call2 <- "summary(contrast(emmeans(fit, ~class, lmer.df = 'satterthwaite'), list(top - orthogonal, top - bottom, orthogonal - bottom), adjust = 'holm'))"
    put(name, fitName, "contrast_estimate", pr$estimate, paste0(call2, "$estimate"))
    put(name, fitName, "contrast_se", pr$SE, "... $SE")
    put(name, fitName, "contrast_df", pr$df, "... $df")
    put(name, fitName, "contrast_lower", ci$lower.CL, "confint(contrast(..., adjust = 'none'))$lower.CL (unadjusted 95 %: Holm adjusts p only)")
    put(name, fitName, "contrast_upper", ci$upper.CL, "confint(contrast(..., adjust = 'none'))$upper.CL")
    put(name, fitName, "contrast_p_holm", pr$p.value, "... $p.value (Holm)")
  }
  f
}

glmmReferences <- function(name, d, formula) {
  call <- sprintf("glmer(%s, data = %s, family = binomial, control = glmerControl(optimizer = 'bobyqa', optCtrl = list(rhoend = 1e-10), tolPwrss = 1e-10))",
                  deparse(formula), name)
  g <- glmer(formula, data = d, family = binomial, control = gtight)
  put(name, "glmm", "beta", fixef(g), paste0("fixef(", call, ")"))
  put(name, "glmm", "se", sqrt(diag(as.matrix(vcov(g)))), "sqrt(diag(vcov(fit))) (finite-difference Hessian, use.hessian = TRUE)")
  put(name, "glmm", "theta", getME(g, "theta"), "getME(fit, 'theta')")
  put(name, "glmm", "logLik", as.numeric(logLik(g)), "as.numeric(logLik(fit)) (Laplace)")
  put(name, "glmm", "isSingular", as.integer(isSingular(g)), "isSingular(fit)")
  emm <- emmeans(g, ~class)
  s <- summary(emm, type = "response")
  s <- s[match(classes, s$class), ]
  put(name, "glmm", "emm_prob", s$prob, "summary(emmeans(fit, ~class), type = 'response')$prob")
  put(name, "glmm", "emm_lower", s$asymp.LCL, "... $asymp.LCL")
  put(name, "glmm", "emm_upper", s$asymp.UCL, "... $asymp.UCL")
  sl <- summary(emm)
  sl <- sl[match(classes, sl$class), ]
  put(name, "glmm", "emm_logit", sl$emmean, "summary(emmeans(fit, ~class))$emmean (logit)")
  put(name, "glmm", "emm_logit_se", sl$SE, "summary(emmeans(fit, ~class))$SE")
  pr <- summary(contrast(emm, pairwiseContrasts(levels(emm)$class), adjust = "holm"))
  put(name, "glmm", "contrast_estimate", pr$estimate, "summary(contrast(emmeans(fit, ~class), list(top - orthogonal, top - bottom, orthogonal - bottom), adjust = 'holm'))$estimate (log odds ratio)")
  put(name, "glmm", "contrast_p_holm", pr$p.value, "... $p.value (Holm, z test)")
}

for (name in names(datasets)) {
  d <- datasets[[name]]
  d$class <- factor(d$class, levels = classes)
  write.csv(datasets[[name]], sprintf("data-%s.csv", name), row.names = FALSE, na = "")
  two <- length(unique(d$model)) > 1
  fixed <- if (two) "magnitude ~ class + model" else "magnitude ~ class"
  intercepts <- as.formula(paste(fixed, "+ (1 | participant) + (1 | axis)"))
  lmmReferences(name, d, "reml", intercepts, TRUE)
  lmmReferences(name, d, "ml", intercepts, FALSE)
  if (!two) {
    lmmReferences(name, d, "slopes", as.formula(paste(fixed, "+ (1 + class | participant) + (1 | axis)")), TRUE)
    lmmReferences(name, d, "participant_only", as.formula(paste(fixed, "+ (1 | participant)")), TRUE)
  }
  glmmReferences(name, d, as.formula(paste(if (two) "seen ~ class + model" else "seen ~ class",
                                           "+ (1 | participant) + (1 | axis)")))
}
write.csv(do.call(rbind, out), "references.csv", row.names = FALSE)
