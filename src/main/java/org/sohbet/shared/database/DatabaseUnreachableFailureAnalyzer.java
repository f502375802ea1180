package org.sohbet.shared.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Names the setting to check when the external database cannot be reached or refuses the credentials. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean external = !environment.getProperty("sohbet.database.url", "").isBlank();
        if (!external) {
            return null;
        }
        String setting;
        String problem;
        if (state.startsWith("28")) {
            setting = "SOHBET_DATABASE_USER";
            problem = "The database at SOHBET_DATABASE_URL refused the user name or password (" + cause.getMessage()
                    + ").";
        } else if (state.equals("3D000")) {
            setting = "SOHBET_DATABASE_URL";
            problem = "The database named in SOHBET_DATABASE_URL does not exist (" + cause.getMessage() + ").";
        } else if (state.startsWith("08")) {
            setting = "SOHBET_DATABASE_URL";
            problem = "Sohbet cannot connect to the database at SOHBET_DATABASE_URL (" + cause.getMessage() + ").";
        } else {
            return null;
        }
        return new FailureAnalysis(
                "Sohbet cannot start: the setting " + setting + " is not usable. " + problem,
                "Check SOHBET_DATABASE_URL, SOHBET_DATABASE_USER and SOHBET_DATABASE_PASSWORD (see README.md), or"
                        + " unset SOHBET_DATABASE_URL to use the embedded database.",
                cause);
    }
}
