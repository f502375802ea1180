package org.sohbet.helpcenter;

import org.sohbet.shared.i18n.Language;

/** An account's public help center: its address part, title and theme. */
record Site(
        long accountId,
        String slug,
        String title,
        String accentColour,
        String logoImageKey,
        Language defaultLanguage) {}
