package org.sohbet.account;

import java.util.Optional;
import org.sohbet.shared.i18n.FormatPreferences;
import org.sohbet.shared.i18n.Language;

/** What an agent sees and edits on their own profile page. */
public record AgentProfile(
        AgentId id,
        String email,
        String displayName,
        Optional<Language> language,
        FormatPreferences.Calendar calendar,
        FormatPreferences.Digits digits) {}
