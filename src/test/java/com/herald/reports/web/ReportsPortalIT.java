package com.herald.reports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.identity.HeraldUser;
import com.herald.identity.TeamRole;
import com.herald.reports.internal.DataSourceRecord;
import com.herald.reports.internal.DataSourceRepository;
import com.herald.reports.internal.ReportTypeRecord;
import com.herald.reports.internal.ReportTypeRepository;
import com.herald.reports.internal.SecretCipher;
import com.herald.support.IntegrationTest;
import com.herald.support.TestUsers;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReportsPortalIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestUsers users;

    @Autowired
    DataSourceRepository sources;

    @Autowired
    ReportTypeRepository reportTypes;

    @Autowired
    SecretCipher cipher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    HeraldUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow(), DataSourceRecord::ready);
    }

    // --- data sources

    @Test
    void aNonAdminCannotReachDataSources() throws Exception {
        HeraldUser plain = users.createUserAccount(false);
        for (String path : new String[] {"/admin/data-sources", "/admin/data-sources/new"}) {
            mvc.perform(get(path).with(user(plain)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/data-sources")
                        .with(user(plain))
                        .with(csrf())
                        .param("name", "x")
                        .param("jdbcUrl", "jdbc:mariadb://h/x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAdminSeesTheBuiltInDataSources() throws Exception {
        String page = body(get("/admin/data-sources").with(user(admin)));
        assertThat(page).contains("Demo", "Herald database", "jdbc:mariadb://127.0.0.1:");
        assertThat(page).doesNotContain("v1:");
    }

    @Test
    void aPasswordIsStoredEncryptedNeverShownAndKeptWhenLeftBlank() throws Exception {
        String name = "Sales " + UUID.randomUUID();
        mvc.perform(post("/admin/data-sources")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", name)
                        .param("jdbcUrl", "jdbc:postgresql://db.example.com:5432/sales")
                        .param("username", "reporter")
                        .param("password", "pa55-word-secret")
                        .param("readOnly", "true")
                        .param("maxRows", "5000")
                        .param("statementTimeoutSeconds", "60"))
                .andExpect(redirectedUrl("/admin/data-sources"));
        DataSourceRecord stored = sources.all().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        String column = jdbc.sql("SELECT password_encrypted FROM data_sources WHERE id = ?")
                .param(stored.id())
                .query(String.class)
                .single();
        assertThat(column).doesNotContain("pa55-word-secret").startsWith("v1:");
        assertThat(cipher.decrypt(column)).isEqualTo("pa55-word-secret");

        String form = body(get("/admin/data-sources/" + stored.id()).with(user(admin)));
        assertThat(form).contains(name).doesNotContain("pa55-word-secret", column);

        mvc.perform(post("/admin/data-sources/" + stored.id())
                        .with(user(admin))
                        .with(csrf())
                        .param("name", name)
                        .param("jdbcUrl", "jdbc:postgresql://db.example.com:5432/sales2")
                        .param("username", "reporter")
                        .param("password", "")
                        .param("maxRows", "5000")
                        .param("statementTimeoutSeconds", "60"))
                .andExpect(redirectedUrl("/admin/data-sources"));
        DataSourceRecord updated = sources.find(stored.id()).orElseThrow();
        assertThat(updated.jdbcUrl()).endsWith("sales2");
        assertThat(cipher.decrypt(updated.passwordEncrypted())).isEqualTo("pa55-word-secret");
    }

    @Test
    void invalidDataSourceFieldsComeBackWithTheTypedValues() throws Exception {
        String page = body(post("/admin/data-sources")
                .with(user(admin))
                .with(csrf())
                .param("name", "Bad one")
                .param("jdbcUrl", "jdbc:oracle:thin:@x")
                .param("maxRows", "0")
                .param("statementTimeoutSeconds", "60"));
        assertThat(page).contains("must start with jdbc:mariadb:", "Max rows must be between", "jdbc:oracle:thin:@x");
    }

    @Test
    void testConnectionShowsSuccessOrTheDriversMessage() throws Exception {
        String ok = body(post("/admin/data-sources/test")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true")
                .param("jdbcUrl", env.getProperty("spring.datasource.url"))
                .param("username", env.getProperty("spring.datasource.username"))
                .param("password", env.getProperty("spring.datasource.password")));
        assertThat(ok).contains("connection-ok", "Connection successful").doesNotContain("<html");

        String failed = body(post("/admin/data-sources/test")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true")
                .param("jdbcUrl", env.getProperty("spring.datasource.url"))
                .param("username", "nobody")
                .param("password", "wrong"));
        assertThat(failed)
                .contains("connection-error", "Connection failed:", "Access denied")
                .doesNotContain("at org.", "at com.", "Exception:");

        String builtin = body(post("/admin/data-sources/test")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true")
                .param(
                        "id",
                        sources.findBuiltin(DataSourceRecord.DEMO)
                                .orElseThrow()
                                .id()
                                .toString()));
        assertThat(builtin).contains("Connection successful");
    }

    @Test
    void aDataSourceInUseCannotBeDeleted() throws Exception {
        UUID demo = sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().id();
        mvc.perform(post("/admin/data-sources/" + demo + "/delete")
                        .with(user(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/data-sources"));
        assertThat(sources.find(demo)).isPresent();
    }

    // --- report types

    @Test
    void aUserSeesOnlyReportTypesGrantedToTheirTeams() throws Exception {
        UUID team = users.createTeam();
        HeraldUser member = users.createMember(team, TeamRole.VIEWER);
        String granted = createType(Set.of(team));
        String other = createType(Set.of(users.createTeam()));

        String list = body(get("/report-types").with(user(member)));
        assertThat(list).contains(granted).doesNotContain(other, "daily_sales_by_region");
        mvc.perform(get("/report-types/" + granted).with(user(member))).andExpect(status().isOk());
        mvc.perform(get("/report-types/" + other).with(user(member)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(post("/report-types/" + other + "/preview")
                        .with(user(member))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/report-types/no-such-type").with(user(member)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());

        String adminList = body(get("/report-types").with(user(admin)));
        assertThat(adminList).contains(granted, other, "daily_sales_by_region", "Delivery audit");
    }

    @Test
    void onlyAdminsCreateEditOrDeleteReportTypes() throws Exception {
        UUID team = users.createTeam();
        HeraldUser teamAdmin = users.createMember(team, TeamRole.TEAM_ADMIN);
        String key = createType(Set.of(team));
        mvc.perform(get("/report-types/new").with(user(teamAdmin)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(get("/report-types/" + key + "/edit").with(user(teamAdmin)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
        mvc.perform(post("/report-types/" + key + "/delete")
                        .with(user(teamAdmin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(reportTypes.findByKey(key)).isPresent();
        String page = body(get("/report-types/" + key).with(user(teamAdmin)));
        assertThat(page).doesNotContain("edit-report-type", "SELECT");
    }

    @Test
    void savingChecksTheSqlAndListsParameterDifferences() throws Exception {
        String key = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        UUID demo = sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().id();
        String page = body(post("/report-types")
                .with(user(admin))
                .with(csrf())
                .param("key", key)
                .param("name", "Broken")
                .param("dataSourceId", demo.toString())
                .param("sql", "SELECT * FROM regions WHERE code = :region AND id > :min_id; DELETE FROM regions")
                .param("parameters", "region | Region | string\nunused | Unused | integer")
                .param("defaultFormat", "csv"));
        assertThat(page)
                .contains(
                        "Only one statement is allowed",
                        "remove DELETE",
                        "Used in the SQL but not defined: :min_id",
                        "Defined but not used in the SQL: unused")
                .contains("WHERE code = :region");
        assertThat(reportTypes.findByKey(key)).isEmpty();

        mvc.perform(post("/report-types")
                        .with(user(admin))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Regions")
                        .param("dataSourceId", demo.toString())
                        .param("sql", "SELECT * FROM regions WHERE code = :region OR :region IS NULL")
                        .param("parameters", "region | Region | enum | optional | | EMEA, NA")
                        .param("defaultFormat", "xlsx")
                        .param("minimumInterval", "PT24H"))
                .andExpect(redirectedUrl("/report-types/" + key));
        ReportTypeRecord saved = reportTypes.findByKey(key).orElseThrow();
        assertThat(saved.minimumInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(saved.parameters()).singleElement().satisfies(p -> assertThat(p.allowedValues())
                .containsExactly("EMEA", "NA"));
    }

    @Test
    void grantsAreSavedFromTheFormAndDeleteRedirectsHtmx() throws Exception {
        UUID team = users.createTeam();
        UUID demo = sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().id();
        String key = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/report-types")
                        .with(user(admin))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Granted")
                        .param("dataSourceId", demo.toString())
                        .param("sql", "SELECT name FROM regions")
                        .param("defaultFormat", "csv")
                        .param("teamIds", team.toString()))
                .andExpect(redirectedUrl("/report-types/" + key));
        assertThat(reportTypes.findByKey(key).orElseThrow().teamIds()).containsExactly(team);
        String edit = body(get("/report-types/" + key + "/edit").with(user(admin)));
        assertThat(edit).containsPattern("value=\"" + team + "\"[^>]*checked");

        mvc.perform(post("/report-types/" + key + "/delete")
                        .with(user(admin))
                        .with(csrf().asHeader())
                        .header("HX-Request", "true"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("HX-Redirect", "/report-types"));
        assertThat(reportTypes.findByKey(key)).isEmpty();
    }

    @Test
    void previewShowsTheRowCountAndTheFirstRows() throws Exception {
        String fragment = body(post("/report-types/monthly_revenue_by_segment/preview")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true")
                .param("p_month_start", "start_of_month-1M"));
        assertThat(fragment)
                .contains("id=\"preview\"", "preview-table", "segment", "revenue", "rows (first")
                .doesNotContain("<html");
        assertThat(fragment).containsAnyOf("Consumer", "Enterprise", "Small business");
    }

    @Test
    void everyShippedReportTypePreviewsWithItsDefaults() throws Exception {
        for (String key : new String[] {
            "daily_sales_by_region",
            "weekly_top_products",
            "monthly_revenue_by_segment",
            "orders_pending_shipment",
            "delivery_audit"
        }) {
            String fragment = body(post("/report-types/" + key + "/preview")
                    .with(user(admin))
                    .with(csrf().asHeader())
                    .header("HX-Request", "true"));
            assertThat(fragment).as(key).contains("preview-count").doesNotContain("preview-error");
        }
    }

    @Test
    void previewKeepsTypedValuesAndExplainsBadOnes() throws Exception {
        String fragment = body(post("/report-types/weekly_top_products/preview")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true")
                .param("p_week_start", "last tuesday")
                .param("p_top", "ten"));
        assertThat(fragment)
                .contains("Some values are not valid", "Number of products must be a whole number")
                .contains("Week starting must be a date like 2026-01-31")
                .contains("value=\"ten\"", "value=\"last tuesday\"")
                .doesNotContain("preview-table");
    }

    @Test
    void previewShowsASqlErrorClearly() throws Exception {
        UUID demo = sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().id();
        String key = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        reportTypes.create(new ReportTypeRecord(
                null,
                key,
                "Broken",
                null,
                demo,
                "SELECT no_such_column FROM regions",
                java.util.List.of(),
                com.herald.reports.OutputFormat.CSV,
                null,
                null,
                false,
                Set.of()));
        String fragment = body(post("/report-types/" + key + "/preview")
                .with(user(admin))
                .with(csrf().asHeader())
                .header("HX-Request", "true"));
        assertThat(fragment).contains("The query failed:", "Unknown column").doesNotContain("at org.");
    }

    @Test
    void thePreviewWorksWithoutJavaScriptToo() throws Exception {
        String page = body(post("/report-types/orders_pending_shipment/preview")
                .with(user(admin))
                .with(csrf())
                .param("p_min_days_waiting", "0")
                .param("p_region", ""));
        assertThat(page).contains("<html", "preview-count");
    }

    private String createType(Set<UUID> teams) {
        String key = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        UUID demo = sources.findBuiltin(DataSourceRecord.DEMO).orElseThrow().id();
        reportTypes.create(new ReportTypeRecord(
                null,
                key,
                "Type " + key,
                "for a test",
                demo,
                "SELECT name FROM regions",
                java.util.List.of(),
                com.herald.reports.OutputFormat.CSV,
                null,
                null,
                false,
                teams));
        return key;
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
