package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohbet.account.FirstOwnerSetup;
import org.sohbet.account.Invitations;
import org.sohbet.account.Role;
import org.sohbet.account.SignedInAgent;
import org.sohbet.shared.PostgresIntegrationTest;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** The console's help section: writing, translating, previewing, categories, settings and images. */
class HelpConsoleIntegrationTests extends PostgresIntegrationTest {

    @Autowired
    FirstOwnerSetup setup;

    @Autowired
    ArticleEditor editor;

    @Autowired
    Sites sites;

    @Autowired
    Invitations invitations;

    HelpFixtures fixtures;
    SignedInAgent owner;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        fixtures = new HelpFixtures(mvc, setup, editor, sites);
        owner = fixtures.owner("Bazaar", "ali@bazaar.test");
        session = fixtures.signIn("ali@bazaar.test");
    }

    @Test
    void anAgentWritesAnArticleThenAddsAPersianTranslationEditedRightToLeft() throws Exception {
        String location = mvc.perform(post("/console/help/articles")
                        .session(session)
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "Shipping costs")
                        .param("body", "Free over **50**.")
                        .param("status", "published"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Article article = fixtures.get(owner, id);
        assertThat(article.published()).isTrue();
        assertThat(article.bodyHtml()).contains("<strong>50</strong>");

        Document form = page("/console/help/articles/new?group=" + article.groupId() + "&lang=fa");
        assertThat(form.select("textarea#body").attr("dir")).isEqualTo("rtl");
        assertThat(form.select("input#title").attr("dir")).isEqualTo("rtl");

        mvc.perform(post("/console/help/articles")
                        .session(session)
                        .with(csrf())
                        .param("group", String.valueOf(article.groupId()))
                        .param("language", "fa")
                        .param("title", "هزینهٔ ارسال")
                        .param("body", "برای خرید بالای ۵۰ رایگان است.")
                        .param("status", "published"))
                .andExpect(status().is3xxRedirection());
        assertThat(editor.translations(owner.accountId(), article.groupId()))
                .extracting(Article::language)
                .containsExactlyInAnyOrder(Language.ENGLISH, Language.PERSIAN);

        mvc.perform(post("/console/help/articles")
                        .session(session)
                        .with(csrf())
                        .param("group", String.valueOf(article.groupId()))
                        .param("language", "fa")
                        .param("title", "again")
                        .param("body", "x"))
                .andExpect(status().isUnprocessableContent());

        Document list = page("/console/help");
        assertThat(list.select(".help-translations a").eachText()).contains("en", "fa");
    }

    @Test
    void aMissingTitleIsRefusedWithTheFormKept() throws Exception {
        String html = mvc.perform(post("/console/help/articles")
                        .session(session)
                        .with(csrf())
                        .param("language", "en")
                        .param("title", "  ")
                        .param("body", "kept text"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#title-error").text()).isNotBlank();
        assertThat(page.select("textarea#body").text()).isEqualTo("kept text");
    }

    @Test
    void thePreviewIsAnHtmxFragmentOfSanitizedHtml() throws Exception {
        String fragment = mvc.perform(post("/console/help/preview")
                        .session(session)
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("language", "ar")
                        .param("body", "# عنوان\n\n<script>alert(1)</script> [x](javascript:alert(2))"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document preview = Jsoup.parseBodyFragment(fragment);

        assertThat(preview.select("#preview h1").text()).isEqualTo("عنوان");
        assertThat(preview.select("#preview .help-body").attr("dir")).isEqualTo("rtl");
        assertThat(preview.select("script")).isEmpty();
        assertThat(preview.select("a[href^=javascript]")).isEmpty();
        assertThat(preview.select("main")).as("only the fragment").isEmpty();
    }

    @Test
    void categoriesAreNamedPerLanguageAndShownOnThePublicHome() throws Exception {
        mvc.perform(post("/console/help/categories")
                        .session(session)
                        .with(csrf())
                        .param("name.en", "Shipping")
                        .param("name.ar", "الشحن")
                        .param("position", "1"))
                .andExpect(status().is3xxRedirection());
        long category = editor.categories(owner.accountId()).getFirst().id();
        editor.create(
                owner.accountId(),
                owner.agentId(),
                null,
                Language.ARABIC,
                new ArticleDraft("كم تكلفة الشحن؟", "", "", "مجاني فوق 50.", true),
                new ArticleEditor.Placement(category, 0));

        Document home =
                Jsoup.parse(httpGet("/help/" + fixtures.site(owner) + "/ar").body());
        assertThat(home.select(".help-section h2").text()).isEqualTo("الشحن");
        assertThat(home.select(".help-section h2 a").attr("href")).contains("/ar/c/");
        assertThat(httpGet(home.select(".help-section h2 a").attr("href").replaceAll("^https?://[^/]+", ""))
                        .statusCode())
                .isEqualTo(200);

        mvc.perform(post("/console/help/categories")
                        .session(session)
                        .with(csrf())
                        .param("name.en", " "))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void onlyOwnersAndAdminsChangeTheHelpCenterSettingsAndTheSlugIsChecked() throws Exception {
        var invitation = invitations.invite(owner, "agent@bazaar.test", Role.AGENT);
        invitations.accept(invitation.token(), "Agent", HelpFixtures.PASSWORD);
        MockHttpSession agent = fixtures.signIn("agent@bazaar.test");
        mvc.perform(get("/console/help/settings").session(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/console/help").session(agent)).andExpect(status().isOk());

        mvc.perform(post("/console/help/settings")
                        .session(session)
                        .with(csrf())
                        .param("slug", "Bad Slug!")
                        .param("colour", "#123456"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/console/help/settings")
                        .session(session)
                        .with(csrf())
                        .param("slug", "bazaar-help")
                        .param("colour", "red;}body{display:none")
                        .param("language", "fa"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/console/help/settings")
                        .session(session)
                        .with(csrf())
                        .param("slug", "bazaar-help")
                        .param("title", "Bazaar <b>Help</b>")
                        .param("colour", "#AA3300")
                        .param("language", "fa"))
                .andExpect(status().is3xxRedirection());

        assertThat(httpGet("/help/bazaar-help/theme.css").body()).contains("#aa3300");
        assertThat(httpGet("/help/bazaar-help").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/help/bazaar-help/fa"));
        Document home = Jsoup.parse(httpGet("/help/bazaar-help/fa").body());
        assertThat(home.select(".help-brand span").text()).isEqualTo("Bazaar <b>Help</b>");
        assertThat(home.select(".help-brand b")).isEmpty();
    }

    @Test
    void uploadedImagesAreServedByTheirHelpCenterOnlyAndSvgIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        String html = mvc.perform(multipart("/console/help/images")
                        .file(new MockMultipartFile("file", "x.svg", "image/svg+xml", png))
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String markdown = Jsoup.parse(html).select("#markdown").attr("value");
        String path = markdown.substring(markdown.indexOf("(") + 1, markdown.length() - 1);
        var image = httpGet(path);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        SignedInAgent other = setup.createAccount(new FirstOwnerSetup.NewOwner(
                "Other", "Eve", "eve@other.test", HelpFixtures.PASSWORD, null, ZoneId.of("UTC")));
        String key = path.substring(path.lastIndexOf('/') + 1);
        assertThat(httpGet("/help/" + fixtures.site(other) + "/images/" + key).statusCode())
                .isEqualTo(404);

        mvc.perform(multipart("/console/help/images")
                        .file(new MockMultipartFile(
                                "file", "x.png", "image/png", "<svg onload=alert(1)></svg>".getBytes()))
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
