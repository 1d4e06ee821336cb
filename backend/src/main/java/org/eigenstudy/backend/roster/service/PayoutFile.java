package org.eigenstudy.backend.roster.service;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eigenstudy.backend.export.service.CsvRows;

/**
 * The files MTurk and Prolific take for reviewing and paying a study's finished participants in
 * bulk. Approved: finished and excluded neither by the researcher nor by the catch-trial rule;
 * rejected: the others, with the reason. Bonuses go to the approved ones, one amount for all.
 */
public enum PayoutFile {
    /**
     * The requester site's batch review upload ("Review results" → "Upload CSV"): an {@code x} in
     * Approve, or the reason in Reject, per assignment.
     */
    MTURK_REVIEW("mturk-review.csv", "mturk", false) {
        @Override
        void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException {
            try (CsvRows rows = new CsvRows(out)) {
                rows.columns(List.of("AssignmentId", "WorkerId", "HITId", "Approve", "Reject"));
                for (Payee p : payees) {
                    rows.row(
                            new Object[] {
                                p.assignmentId(),
                                p.externalId(),
                                p.hitId(),
                                p.approved() ? "x" : "",
                                p.approved() ? "" : p.rejection()
                            });
                }
            }
        }
    },
    /**
     * MTurk has no bonus upload; this is the input of {@code aws mturk send-bonus} run per row
     * (docs/api.md shows the loop).
     */
    MTURK_BONUS("mturk-bonus.csv", "mturk", true) {
        @Override
        void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException {
            try (CsvRows rows = new CsvRows(out)) {
                rows.columns(List.of("WorkerId", "AssignmentId", "BonusAmount", "Reason"));
                for (Payee p : approved(payees)) {
                    rows.row(
                            new Object[] {
                                p.externalId(),
                                p.assignmentId(),
                                amount.toPlainString(),
                                "Bonus for completing the study"
                            });
                }
            }
        }
    },
    /** Prolific's "Bulk approve": participant ids, one per line. */
    PROLIFIC_APPROVE("prolific-approve.txt", "prolific", false) {
        @Override
        void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException {
            for (Payee p : approved(payees)) {
                out.write(p.externalId() + "\n");
            }
        }
    },
    /** The sessions to reject on Prolific, with the reason to give each. */
    PROLIFIC_REJECT("prolific-reject.csv", "prolific", false) {
        @Override
        void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException {
            try (CsvRows rows = new CsvRows(out)) {
                rows.columns(List.of("participant_id", "reason"));
                for (Payee p : payees) {
                    if (!p.approved()) {
                        rows.row(new Object[] {p.externalId(), p.rejection()});
                    }
                }
            }
        }
    },
    /** Prolific's "Bulk bonus payments": {@code participant_id,amount} per line, no header. */
    PROLIFIC_BONUS("prolific-bonus.csv", "prolific", true) {
        @Override
        void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException {
            for (Payee p : approved(payees)) {
                out.write(p.externalId() + "," + amount.toPlainString() + "\n");
            }
        }
    };

    final String fileName;
    final String source;
    final boolean needsAmount;

    PayoutFile(String fileName, String source, boolean needsAmount) {
        this.fileName = fileName;
        this.source = source;
        this.needsAmount = needsAmount;
    }

    abstract void write(List<Payee> payees, BigDecimal amount, Writer out) throws IOException;

    public String fileName() {
        return fileName;
    }

    static Optional<PayoutFile> named(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst();
    }

    private static List<Payee> approved(List<Payee> payees) {
        return payees.stream().filter(Payee::approved).toList();
    }
}
