package org.sohbet.account;

import java.time.Instant;
import java.util.Optional;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.Language;

record Agent(
        AgentId id,
        String email,
        String displayName,
        String passwordHash,
        Optional<Language> language,
        FormatPreferences.Calendar calendar,
        FormatPreferences.Digits digits,
        Instant credentialsChangedAt,
        Instant createdAt) {}
