# Eigenstudy reproducibility bundle: refits the study's mixed-effects models with lme4 and prints
# the numbers the platform reports (docs/statistics.md). Run in the unzipped folder:
#   Rscript analysis.R
# Needs R >= 4.2 with lme4, lmerTest and emmeans (Debian: r-cran-lme4 r-cran-lmertest r-cran-emmeans).
# Besides printing, it writes r-results.csv: one row per number (measure, quantity, term, value).
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(emmeans) })
# Satterthwaite df for the linear models' means and contrasts, as lmerTest computes them.
emm_options(lmer.df = "satterthwaite")

d <- read.csv("responses.csv", na.strings = "", stringsAsFactors = FALSE,
              colClasses = c(participant = "character", model = "character", axis = "character"))
d$participant <- factor(d$participant)
d$class <- factor(d$axis_class, levels = c("top", "orthogonal", "bottom"))  # top is the reference
d$model <- factor(d$model)
# Axes are identified within their model: axis 3 of one model is not axis 3 of another.
d$axis <- factor(paste(d$model, d$axis, sep = ":"))

# Tight optimiser tolerances: the platform optimises to convergence, lme4's defaults stop a little
# earlier (differences of ~1e-5 in the estimates). tolPwrss: glmer's default 1e-7 stops PIRLS early
# when a participant saw every change.
lcontrol <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5))
gcontrol <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5),
                         tolPwrss = 1e-10)

results <- list()
put <- function(measure, quantity, term, value) {
  results[[length(results) + 1]] <<- data.frame(measure = measure, quantity = quantity, term = term,
                                                value = sprintf("%.15g", as.numeric(value)))
}

formulaFor <- function(measure, rows) {
  fixed <- if (nlevels(rows$model) > 1) "class + model" else "class"
  as.formula(sprintf("%s ~ %s + (1 | participant) + (1 | axis)", measure, fixed))
}

report <- function(measure, fit, linear) {
  cat(sprintf("\n==== %s: %s\n", measure, paste(deparse(formula(fit)), collapse = " ")))
  cat(if (linear) "lmer, REML; Satterthwaite df\n" else "glmer, binomial logit, Laplace; Wald z\n")
  print(coef(summary(fit)))
  vc <- as.data.frame(VarCorr(fit))
  print(vc[, c("grp", "vcov", "sdcor")], row.names = FALSE)
  cat(sprintf("logLik %.10g%s\n", as.numeric(logLik(fit)), if (isSingular(fit)) " (singular fit)" else ""))
  beta <- fixef(fit)
  put(measure, "beta", names(beta), beta)
  put(measure, "se", names(beta), sqrt(diag(as.matrix(vcov(fit)))))
  put(measure, "var_participant", "", vc$vcov[vc$grp == "participant"])
  put(measure, "var_axis", "", vc$vcov[vc$grp == "axis"])
  if (linear) put(measure, "sigma2", "", sigma(fit)^2)
  put(measure, "logLik", "", as.numeric(logLik(fit)))
  # Marginal class means (model levels weighted equally) and the Holm-adjusted pairwise contrasts.
  emm <- emmeans(fit, ~ class)
  means <- summary(emm)
  if (!linear) print(summary(emm, type = "response")) else print(means)
  put(measure, "emmean", as.character(means$class), means$emmean)
  put(measure, "emmean_se", as.character(means$class), means$SE)
  contrasts <- summary(pairs(emm, adjust = "holm"))
  print(contrasts)
  put(measure, "contrast", contrasts$contrast, contrasts$estimate)
  put(measure, "contrast_se", contrasts$contrast, contrasts$SE)
  if (linear) put(measure, "contrast_df", contrasts$contrast, contrasts$df)
  put(measure, "p_holm", contrasts$contrast, contrasts$p.value)
}

# "Change seen" for every response: logistic GLMM.
seen <- droplevels(d)
report("change_seen", glmer(formulaFor("change_seen", seen), data = seen, family = binomial,
                            control = gcontrol), FALSE)

# The ratings over the responses that have them (magnitude, shared count and consistency are only
# asked after a seen change).
for (measure in c("magnitude", "consistency", "difficulty", "shared_count")) {
  rows <- droplevels(d[!is.na(d[[measure]]), ])
  if (nrow(rows) == 0) next
  report(measure, lmer(formulaFor(measure, rows), data = rows, REML = TRUE, control = lcontrol), TRUE)
}

write.csv(do.call(rbind, results), "r-results.csv", row.names = FALSE)
cat("\nwrote r-results.csv\n")
