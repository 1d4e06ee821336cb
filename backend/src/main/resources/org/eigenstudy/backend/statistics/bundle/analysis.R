# Eigenstudy reproducibility bundle: refits the models of the platform's headline with lme4 and
# prints the numbers the platform reports (docs/statistics.md). Run in the unzipped folder:
#   Rscript analysis.R
# Needs R >= 4.2 with lme4, lmerTest and emmeans (Debian: r-cran-lme4 r-cran-lmertest r-cran-emmeans;
# checked with R 4.2.2, lme4 1.1-31, lmerTest 3.1-3, emmeans 1.8.4).
# What it fits, as the headline does (axis = model:axis; "+ model" only with several models):
#   change_seen: glmer(change_seen ~ class [+ model] + (1 | participant) + (1 | axis), binomial)
#   each rating: lmer(<rating> ~ class [+ model] + (1 + class | participant) + (1 | axis), REML),
#     refitted with (1 | participant) when the slopes' fit is singular (isSingular) or fails
#   magnitude and shared_count again over every trial, an unseen change scored 0 (sensitivity)
# Besides printing, it writes r-results.csv: one row per number (measure, quantity, term, value).
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(emmeans) })
# Satterthwaite df for the linear models' means and contrasts, as lmerTest computes them.
emm_options(lmer.df = "satterthwaite")

d <- read.csv("responses.csv", na.strings = "", stringsAsFactors = FALSE,
              colClasses = c(participant = "character", model = "character", axis = "character"))
d$participant <- factor(d$participant)
# Every condition in AxisClass order (org.eigenstudy.studyconfig.model.AxisClass); levels without rows are
# dropped, as the Java design drops them, so the first present level is the reference.
d$class <- droplevels(factor(d$axis_class, levels = c("top", "orthogonal", "bottom", "ganspace", "sefa",
                                                      "random", "imported")))
d$model <- factor(d$model)
# Axes are identified within their model: axis 3 of one model is not axis 3 of another.
d$axis <- factor(paste(d$model, d$axis, sep = ":"))

# Tight optimiser tolerances: the platform optimises to convergence, lme4's defaults stop a little
# earlier (differences of ~1e-5 in the estimates). tolPwrss: glmer's default 1e-7 stops PIRLS early
# when a participant saw every change. Singular fits are reported below (and decide the random
# effects), so lme4's own message about them is silenced.
lcontrol <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5),
                        check.conv.singular = "ignore")
gcontrol <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5),
                         tolPwrss = 1e-10)

results <- list()
put <- function(measure, quantity, term, value) {
  results[[length(results) + 1]] <<- data.frame(measure = measure, quantity = quantity, term = term,
                                                value = sprintf("%.15g", as.numeric(value)))
}

formulaFor <- function(response, rows, slopes) {
  fixed <- if (nlevels(rows$model) > 1) "class + model" else "class"
  participant <- if (slopes) "(1 + class | participant)" else "(1 | participant)"
  as.formula(sprintf("%s ~ %s + %s + (1 | axis)", response, fixed, participant))
}

# The platform's choice of random effects (Barr et al. 2013): by-participant slopes for class
# first; when their fit is singular (isSingular, default tol 1e-4: a variance at 0 or a correlation
# at +-1) or fails, (1 | participant). The reasons are worded as the platform's report words them.
fitRating <- function(response, rows) {
  fit <- function(slopes) lmer(formulaFor(response, rows, slopes), data = rows, REML = TRUE,
                               control = lcontrol)
  withSlopes <- tryCatch(fit(TRUE), error = function(e) e)
  if (inherits(withSlopes, "error")) {
    reason <- sprintf(paste("the fit with by-participant random slopes for class could not be",
                            "computed (%s), so the model uses (1 | participant)"),
                      conditionMessage(withSlopes))
  } else if (!isSingular(withSlopes)) {
    return(list(fit = withSlopes, slopes = TRUE, reason = NULL))
  } else {
    reason <- paste("the fit with by-participant random slopes for class, (1 + class | participant),",
                    "is singular (a variance component at 0; lme4's isSingular): the data do not",
                    "support the slopes, so the model uses (1 | participant)")
  }
  list(fit = fit(FALSE), slopes = FALSE, reason = reason)
}

report <- function(measure, fit, linear, selection = NULL) {
  cat(sprintf("\n==== %s: %s\n", measure, paste(deparse(formula(fit), width.cutoff = 500L), collapse = " ")))
  cat(if (linear) "lmer, REML; Satterthwaite df\n" else "glmer, binomial logit, Laplace; Wald z\n")
  if (!is.null(selection$reason)) cat("random effects:", selection$reason, "\n")
  if (isTRUE(selection$slopes)) cat("random effects: by-participant slopes kept (fit not singular)\n")
  print(coef(summary(fit)))
  vc <- as.data.frame(VarCorr(fit))
  print(vc[, c("grp", "var1", "var2", "vcov", "sdcor")], row.names = FALSE)
  cat(sprintf("logLik %.10g%s\n", as.numeric(logLik(fit)), if (isSingular(fit)) " (singular fit)" else ""))
  beta <- fixef(fit)
  put(measure, "beta", names(beta), beta)
  put(measure, "se", names(beta), sqrt(diag(as.matrix(vcov(fit)))))
  if (linear) put(measure, "random_slopes", "", as.integer(selection$slopes))
  # With slopes, the participant's variance is its intercept's (the reference class, top), as the
  # platform reports it; the whole covariance follows, row-major in the order of VarCorr's rows.
  put(measure, "var_participant", "",
      vc$vcov[vc$grp == "participant" & vc$var1 == "(Intercept)" & is.na(vc$var2)])
  if (linear && selection$slopes) {
    cov <- VarCorr(fit)$participant
    put(measure, "cov_participant", as.vector(outer(rownames(cov), colnames(cov), paste, sep = ":")),
        as.vector(t(cov)))
  }
  varAxis <- vc$vcov[vc$grp == "axis"]
  put(measure, "var_axis", "", varAxis)
  if (linear) put(measure, "sigma2", "", sigma(fit)^2)
  # ICCs from the intercept variances; the logistic model's residual is pi^2 / 3 (latent scale).
  varParticipant <- vc$vcov[vc$grp == "participant" & vc$var1 == "(Intercept)" & is.na(vc$var2)]
  total <- varParticipant + varAxis + if (linear) sigma(fit)^2 else pi^2 / 3
  put(measure, "icc_participant", "", varParticipant / total)
  put(measure, "icc_axis", "", varAxis / total)
  put(measure, "logLik", "", as.numeric(logLik(fit)))
  # Marginal class means (model levels weighted equally) with 95 % intervals, and the pairwise
  # contrasts: Holm-adjusted p, unadjusted intervals (as the platform reports them).
  emm <- emmeans(fit, ~ class)
  means <- summary(emm)
  if (!linear) print(summary(emm, type = "response")) else print(means)
  put(measure, "emmean", as.character(means$class), means$emmean)
  put(measure, "emmean_se", as.character(means$class), means$SE)
  if (linear) put(measure, "emmean_df", as.character(means$class), means$df)
  put(measure, "emmean_lower", as.character(means$class), lower(means))
  put(measure, "emmean_upper", as.character(means$class), upper(means))
  contrasts <- summary(pairs(emm, adjust = "holm"))
  print(contrasts)
  put(measure, "contrast", contrasts$contrast, contrasts$estimate)
  put(measure, "contrast_se", contrasts$contrast, contrasts$SE)
  if (linear) put(measure, "contrast_df", contrasts$contrast, contrasts$df)
  put(measure, "p_holm", contrasts$contrast, contrasts$p.value)
  ci <- confint(pairs(emm), adjust = "none")
  put(measure, "contrast_lower", ci$contrast, lower(ci))
  put(measure, "contrast_upper", ci$contrast, upper(ci))
  # Effect sizes: d = difference / sqrt(participant + axis + residual variance) for the linear
  # models, the odds ratio exp(difference) for the logistic one; intervals transformed alike.
  effect <- if (linear) function(x) x / sqrt(total) else exp
  put(measure, "effect", ci$contrast, effect(ci$estimate))
  put(measure, "effect_lower", ci$contrast, effect(lower(ci)))
  put(measure, "effect_upper", ci$contrast, effect(upper(ci)))
}

# emmeans names interval bounds lower.CL (t) or asymp.LCL (z).
lower <- function(s) if ("lower.CL" %in% names(s)) s$lower.CL else s$asymp.LCL
upper <- function(s) if ("upper.CL" %in% names(s)) s$upper.CL else s$asymp.UCL

reportRating <- function(measure, response, rows) {
  rows <- droplevels(rows[!is.na(rows[[response]]), ])
  if (nrow(rows) == 0) return(invisible())
  selection <- fitRating(response, rows)
  report(measure, selection$fit, TRUE, selection)
}

# "Change seen" for every response: logistic GLMM, random intercepts only (as the headline).
seen <- droplevels(d)
report("change_seen", glmer(formulaFor("change_seen", seen, FALSE), data = seen, family = binomial,
                            control = gcontrol), FALSE)

# The ratings over the responses that have them (magnitude, shared count and consistency are only
# asked after a seen change, so they describe seen trials only).
for (measure in c("magnitude", "consistency", "difficulty", "shared_count")) {
  reportRating(measure, measure, d)
}

# Sensitivity analysis: every trial, an unseen change scored 0 (no change: 0 % magnitude, 0 images
# sharing it). A seen change whose rating is missing stays missing.
for (measure in c("magnitude", "shared_count")) {
  z <- d
  z[[measure]][z$change_seen == 0] <- 0
  reportRating(paste0(measure, "_unseen_as_zero"), measure, z)
}

write.csv(do.call(rbind, results), "r-results.csv", row.names = FALSE)
cat("\nwrote r-results.csv\n")
