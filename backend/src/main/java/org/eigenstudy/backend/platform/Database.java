package org.eigenstudy.backend.platform;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The one way stores reach PostgreSQL: a {@link Jdbi} over Quarkus' Agroal pool.
 *
 * <p>Transactions are the services' declarative {@code @Transactional}: inside one, Agroal hands
 * every {@code getConnection()} the same connection enlisted in the JTA transaction, so all
 * statements of one service call commit or roll back together. Jdbi must therefore never end a
 * transaction itself ({@code forceEndTransactions} off), or closing a handle on an enlisted
 * connection would be reported as a leaked transaction.
 */
@ApplicationScoped
public class Database {

    @Produces
    @Singleton
    Jdbi jdbi(AgroalDataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(org.jdbi.v3.core.Handles.class).setForceEndTransactions(false);
        // Named parameters only (":study"): a statement's binds read as what they are.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(false);
        return jdbi;
    }
}
