package org.sohbet.account;

import java.time.Instant;
import java.time.ZoneId;
import org.sohbet.shared.i18n.Language;

record Account(AccountId id, String name, String kind, ZoneId timezone, Language defaultLanguage, Instant createdAt) {}
