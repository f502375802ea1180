package org.sohbet.account;

import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohbet.shared.settings.InvalidSettingException;
import org.sohbet.shared.settings.SohbetSettings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first account and owner from SOHBET_ADMIN_EMAIL and SOHBET_ADMIN_PASSWORD, for installs without a
 * person at the setup page. It does nothing once any user exists, so the variables can stay set.
 */
@Component
class FirstOwnerSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOwnerSeeder.class);

    private final SohbetSettings settings;
    private final FirstOwnerSetup setup;

    FirstOwnerSeeder(SohbetSettings settings, FirstOwnerSetup setup) {
        this.settings = settings;
        this.setup = setup;
    }

    @Override
    public void run(ApplicationArguments args) {
        var admin = settings.admin();
        if (admin.email() == null && admin.password() == null) {
            return;
        }
        if (admin.email() == null) {
            throw new InvalidSettingException(
                    "SOHBET_ADMIN_EMAIL", "SOHBET_ADMIN_PASSWORD is set, so SOHBET_ADMIN_EMAIL must be set too.");
        }
        if (admin.password() == null) {
            throw new InvalidSettingException(
                    "SOHBET_ADMIN_PASSWORD", "SOHBET_ADMIN_EMAIL is set, so SOHBET_ADMIN_PASSWORD must be set too.");
        }
        String email = Credentials.normalizeEmail(admin.email())
                .orElseThrow(() -> new InvalidSettingException(
                        "SOHBET_ADMIN_EMAIL", "'" + admin.email() + "' is not an email address."));
        Credentials.passwordProblem(admin.password(), email).ifPresent(problem -> {
            throw new InvalidSettingException(
                    "SOHBET_ADMIN_PASSWORD",
                    "The password must have " + Credentials.MIN_PASSWORD_LENGTH + " to "
                            + Credentials.MAX_PASSWORD_LENGTH + " characters and differ from the email.");
        });
        if (!setup.isNeeded()) {
            log.info("SOHBET_ADMIN_EMAIL is set, but users exist already; nothing to create.");
            return;
        }
        try {
            String accountName = email.substring(email.indexOf('@') + 1);
            setup.createFirstOwner(new FirstOwnerSetup.NewOwner(
                    accountName,
                    email.substring(0, email.indexOf('@')),
                    email,
                    admin.password(),
                    null,
                    ZoneId.of("UTC")));
            log.info("Created the first account '{}' and its owner {}", accountName, email);
        } catch (FirstOwnerSetup.SetupAlreadyDoneException e) {
            log.info("Another node created the first owner first; nothing to create.");
        }
    }
}
