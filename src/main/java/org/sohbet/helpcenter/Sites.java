package org.sohbet.helpcenter;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sohbet.account.AccountId;
import org.sohbet.account.Accounts;
import org.sohbet.shared.NotFoundException;
import org.sohbet.shared.i18n.Language;
import org.springframework.stereotype.Service;

/** Each account's public help center, made on first use with an address taken from the account's name. */
@Service
class Sites {

    static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?");
    static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private final HelpRepository repository;
    private final Accounts accounts;
    private final Clock clock;

    Sites(HelpRepository repository, Accounts accounts, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.clock = clock;
    }

    Site of(AccountId account) {
        Optional<Site> site = repository.site(account.value());
        if (site.isPresent()) {
            return site.get();
        }
        Accounts.AccountSummary summary = accounts.find(account).orElseThrow(NotFoundException::new);
        String base = Slugs.ofCenter(summary.name());
        String slug = repository.slugTaken(base, account.value()) ? base + "-" + account.value() : base;
        if (!repository.insertSite(account.value(), slug, summary.defaultLanguage(), clock.instant())) {
            // Another request made it first, or the slug went meanwhile; the id keeps it unique.
            repository.insertSite(
                    account.value(), "help-" + account.value(), summary.defaultLanguage(), clock.instant());
        }
        return repository.site(account.value()).orElseThrow();
    }

    Optional<Site> bySlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return repository.siteBySlug(slug);
    }

    /** The title shown in the public pages: the one set, else the account's name. */
    String title(Site site) {
        if (site.title() != null) {
            return site.title();
        }
        return accounts.find(new AccountId(site.accountId()))
                .map(Accounts.AccountSummary::name)
                .orElse("");
    }

    Site update(AccountId account, String slug, String title, String colour, Language language, String logoKey) {
        Site current = of(account);
        String cleanSlug = slug == null ? "" : slug.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(cleanSlug).matches()) {
            throw new HelpProblem("slug", "help.error.siteSlug");
        }
        if (repository.slugTaken(cleanSlug, account.value())) {
            throw new HelpProblem("slug", "help.error.siteSlugTaken");
        }
        String cleanTitle = title == null || title.isBlank() ? null : title.strip();
        if (cleanTitle != null && cleanTitle.length() > 120) {
            throw new HelpProblem("title", "help.error.siteTitle");
        }
        String cleanColour = colour == null ? "" : colour.strip().toLowerCase(java.util.Locale.ROOT);
        if (!COLOUR.matcher(cleanColour).matches()) {
            throw new HelpProblem("colour", "help.error.colour");
        }
        Site updated = new Site(
                account.value(),
                cleanSlug,
                cleanTitle,
                cleanColour,
                logoKey == null ? current.logoImageKey() : logoKey,
                language == null ? current.defaultLanguage() : language);
        repository.updateSite(updated, clock.instant());
        return updated;
    }
}
