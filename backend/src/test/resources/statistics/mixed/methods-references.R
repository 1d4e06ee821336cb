# Regenerates data-methods.csv and methods-references.csv: a study whose conditions are direction methods
# (the metric's top axes, GANSpace, SeFa and random directions), the data set
# org.eigenstudy.backend.statistics.mixed.MethodConditionsRTest fits with the platform's level list (all
# seven classes; levels without rows dropped, as lme4 never sees them). R is used only here.
#   cd backend/src/test/resources/statistics/mixed && Rscript methods-references.R
# Columns as references.csv (dataset, fit, quantity, index, value, call).
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(emmeans) })
emm_options(lmer.df = "satterthwaite")
classes <- c("top", "ganspace", "sefa", "random")

set.seed(1920)
participants <- 24
axesPerClass <- 6
axes <- expand.grid(rank = seq_len(axesPerClass), class = classes, stringsAsFactors = FALSE)
axes$axis <- paste0("m1:", axes$class, axes$rank)
axes$aMag <- rnorm(nrow(axes), 0, 6)
axes$aLogit <- rnorm(nrow(axes), 0, 0.6)
pe <- data.frame(participant = sprintf("p%02d", seq_len(participants)), pMag = rnorm(participants, 0, 8),
                 pLogit = rnorm(participants, 0, 0.7))
d <- merge(pe, axes)
d <- d[order(d$participant, match(d$class, classes), d$rank), ]
d <- d[runif(nrow(d)) < 0.8, ]
logit <- c(top = 2.0, ganspace = 1.4, sefa = 1.7, random = 0.3)[d$class] + d$pLogit + d$aLogit
d$seen <- as.integer(runif(nrow(d)) < plogis(logit))
mag <- c(top = 68, ganspace = 61, sefa = 64, random = 52)[d$class] + d$pMag + d$aMag + rnorm(nrow(d), 0, 10)
d$magnitude <- ifelse(d$seen == 1, round(mag, 2), NA)
d$model <- "m1"
d$difficulty <- NA
d <- d[, c("participant", "model", "axis", "class", "seen", "magnitude", "difficulty")]
write.csv(d, "data-methods.csv", row.names = FALSE, na = "")
d$class <- factor(d$class, levels = classes)

out <- list()
put <- function(fit, quantity, values, call) {
  out[[length(out) + 1]] <<- data.frame(dataset = "methods", fit = fit, quantity = quantity,
    index = seq_along(values) - 1, value = sprintf("%.15g", as.numeric(values)), call = call)
}
tight <- lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5))
gtight <- glmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-10, maxfun = 1e5), tolPwrss = 1e-10)

f <- lmer(magnitude ~ class + (1 | participant) + (1 | axis), data = subset(d, seen == 1), REML = TRUE,
          control = tight)
put("reml", "beta", fixef(f), "fixef(lmer(magnitude ~ class + (1 | participant) + (1 | axis), data = subset(d, seen == 1), REML = TRUE))")
emm <- emmeans(f, ~class, lmer.df = "satterthwaite")
s <- summary(emm)
put("reml", "emm", s$emmean, "summary(emmeans(fit, ~class, lmer.df = 'satterthwaite'))$emmean")
put("reml", "emm_se", s$SE, "... $SE")
put("reml", "emm_df", s$df, "... $df")
put("reml", "emm_lower", s$lower.CL, "... $lower.CL")
put("reml", "emm_upper", s$upper.CL, "... $upper.CL")
pr <- summary(pairs(emm, adjust = "holm"))
ci <- confint(pairs(emm, adjust = "none"))
put("reml", "contrast_estimate", pr$estimate, "summary(pairs(emm, adjust = 'holm'))$estimate (every pair, level order)")
put("reml", "contrast_se", pr$SE, "... $SE")
put("reml", "contrast_df", pr$df, "... $df")
put("reml", "contrast_p_holm", pr$p.value, "... $p.value (Holm over the six pairs)")
put("reml", "contrast_lower", ci$lower.CL, "confint(pairs(emm, adjust = 'none'))$lower.CL")
put("reml", "contrast_upper", ci$upper.CL, "confint(pairs(emm, adjust = 'none'))$upper.CL")

g <- glmer(seen ~ class + (1 | participant) + (1 | axis), data = d, family = binomial, control = gtight)
ge <- emmeans(g, ~class)
gs <- summary(ge, type = "response")
put("glmm", "emm_prob", gs$prob, "summary(emmeans(glmer(seen ~ class + (1 | participant) + (1 | axis), family = binomial), ~class), type = 'response')$prob")
put("glmm", "emm_lower", gs$asymp.LCL, "... $asymp.LCL")
put("glmm", "emm_upper", gs$asymp.UCL, "... $asymp.UCL")
gp <- summary(pairs(ge, adjust = "holm"))
put("glmm", "contrast_estimate", gp$estimate, "summary(pairs(emmeans(fit, ~class), adjust = 'holm'))$estimate (log odds ratio)")
put("glmm", "contrast_p_holm", gp$p.value, "... $p.value (Holm, z test)")
write.csv(do.call(rbind, out), "methods-references.csv", row.names = FALSE)
