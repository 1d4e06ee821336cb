package org.eigenstudy.backend.roster.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.eigenstudy.backend.domain.DomainException;
import org.eigenstudy.backend.roster.store.RosterStore;
import org.eigenstudy.backend.study.StudyRole;
import org.eigenstudy.backend.study.service.StudyAccess;
import org.eigenstudy.backend.study.service.StudyService;

/** Writes a study's payout files; they name participants, so only editors may have them. */
@ApplicationScoped
public class PayoutService {

    /** Platforms cap a single bonus far lower; this only stops a mistyped amount. */
    private static final BigDecimal MAX_BONUS = new BigDecimal("100");

    @Inject RosterStore store;
    @Inject StudyService studies;
    @Inject StudyAccess access;

    /** A written payout file: its name ({@code slug-vN-file}) and text. */
    public record Written(String fileName, String text) {}

    public Written write(long studyId, String name, String amountText) {
        var study = studies.require(studyId);
        access.require(studyId, StudyRole.EDITOR);
        PayoutFile file =
                PayoutFile.named(name)
                        .orElseThrow(() -> DomainException.notFound("payout file " + name));
        BigDecimal amount = file.needsAmount ? amount(amountText) : BigDecimal.ZERO;
        StringWriter out = new StringWriter();
        try {
            file.write(store.payees(studyId, file.source), amount, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(
                study.slug() + "-v" + study.version() + "-" + file.fileName(), out.toString());
    }

    /** A bonus in the study's currency: a positive amount with at most two decimals. */
    static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(
                    "amount is required: the bonus per approved participant, e.g. 0.50",
                    "amount",
                    "required");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(
                    "amount must be a number like 0.50, got '" + text + "'", "amount", "format");
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_BONUS) > 0 || amount.scale() > 2) {
            throw DomainException.invalid(
                    "amount must be between 0.01 and 100 with at most two decimals, got " + text,
                    "amount",
                    "range");
        }
        return amount.setScale(2);
    }
}
