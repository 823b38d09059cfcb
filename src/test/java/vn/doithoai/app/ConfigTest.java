package vn.doithoai.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import vn.doithoai.app.Config.ConfigException;
import vn.doithoai.app.Config.DatabaseUrl;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigTest {

    @Test
    void nothing_configured_gives_the_defaults() {
        Config config = Config.fromMap(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.database()).isEmpty();
        assertThat(config.publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.adminSecret()).isNull();
        assertThat(config.allowedOrigins()).isEmpty();
        assertThat(config.embeddedPostgresPort()).isEqualTo(54329);
    }

    @Test
    void every_setting_is_read_and_empty_values_count_as_unset() {
        Config config = Config.fromMap(Map.of(
                Config.PORT, "9090",
                Config.HOST, "127.0.0.1",
                Config.DATA_DIR, "/var/lib/doithoai",
                Config.PUBLIC_URL, "https://doithoai.example.vn/",
                Config.ADMIN_SECRET, "  ",
                Config.ALLOWED_ORIGINS, "https://a.example, https://b.example/ ,",
                Config.EMBEDDED_PG_PORT, "5444"));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/doithoai"));
        assertThat(config.publicUrl()).isEqualTo("https://doithoai.example.vn");
        assertThat(config.adminSecret()).isNull();
        assertThat(config.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(config.embeddedPostgresPort()).isEqualTo(5444);
    }

    @Test
    void the_default_public_url_follows_the_port() {
        assertThat(Config.defaults().withPort(8123).publicUrl()).isEqualTo("http://localhost:8123");
        assertThat(Config.defaults().withPublicUrl("https://x.example").withPort(1).publicUrl())
                .isEqualTo("https://x.example");
    }

    @Test
    void a_postgres_url_parses_with_decoded_credentials_and_default_port() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://doithoai:p%40ss%3Aw0rd@db/doithoai");

        assertThat(url).isEqualTo(new DatabaseUrl("db", 5432, "doithoai", "doithoai", "p@ss:w0rd", null));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/doithoai");
    }

    @Test
    void a_postgresql_url_with_a_port_and_sslmode_parses() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:secret@10.0.0.5:6543/meetings?sslmode=require");

        assertThat(url).isEqualTo(new DatabaseUrl("10.0.0.5", 6543, "meetings", "app", "secret", "require"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://10.0.0.5:6543/meetings?sslmode=require");
    }

    @Test
    void a_jdbc_url_with_user_and_password_parameters_parses() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5433/doithoai?user=me&password=a%26b");

        assertThat(url).isEqualTo(new DatabaseUrl("localhost", 5433, "doithoai", "me", "a&b", null));
    }

    @Test
    void a_url_without_a_password_is_allowed() {
        assertThat(DatabaseUrl.parse("postgres://postgres@localhost:5432/x").password()).isNull();
    }

    @Test
    void a_bad_port_gives_one_clear_line_naming_the_variable() {
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.PORT, "80a")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("DOITHOAI_PORT must be a port number from 0 to 65535, got '80a'")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.PORT, "70000")))
                .hasMessageStartingWith("DOITHOAI_PORT must be a port number");
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.EMBEDDED_PG_PORT, "x")))
                .hasMessageStartingWith("DOITHOAI_EMBEDDED_PG_PORT must be a port number");
    }

    @Test
    void an_organiser_secret_a_browser_cannot_send_is_refused_at_start_without_showing_it() {
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.ADMIN_SECRET, "bí-mật-của-xã")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DOITHOAI_ADMIN_SECRET must be plain ASCII")
                .hasMessageNotContaining("bí-mật");
        assertThat(Config.fromMap(Map.of(Config.ADMIN_SECRET, "bi-mat cua xa: 2026!")).adminSecretIfSet())
                .contains("bi-mat cua xa: 2026!");
    }

    @Test
    void a_malformed_database_url_is_named_and_its_password_is_not_shown() {
        for (String bad : List.of(
                "mysql://u:hunter2@h/db",
                "postgres://u:hunter2@/db",
                "postgres://u:hunter2@host",
                "postgres://host/db",
                "postgres://u:hunter2@host:port/db",
                "not a url hunter2")) {
            assertThatThrownBy(() -> Config.fromMap(Map.of(Config.DATABASE_URL, bad)))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DATABASE_URL is not usable: ")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void a_public_url_must_be_http_or_https() {
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.PUBLIC_URL, "doithoai.example.vn")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DOITHOAI_PUBLIC_URL must look like");
    }

    @Test
    void system_properties_stand_in_for_missing_environment_variables() {
        assertThat(Config.propertyName(Config.PORT)).isEqualTo("doithoai.port");
        assertThat(Config.propertyName(Config.DATABASE_URL)).isEqualTo("doithoai.database.url");
        assertThat(Config.propertyName(Config.EMBEDDED_PG_PORT)).isEqualTo("doithoai.embedded.pg.port");
        String key = Config.propertyName(Config.ADMIN_SECRET);
        String before = System.getProperty(key);
        System.setProperty(key, "from-property");
        try {
            if (System.getenv(Config.ADMIN_SECRET) == null) {
                assertThat(Config.fromEnvironment().adminSecret()).isEqualTo("from-property");
            }
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void to_string_hides_the_admin_secret_and_the_database_password() {
        String text = Config.defaults()
                .withAdminSecret("topsecret")
                .withDatabaseUrl("postgres://u:hunter2@h/db")
                .toString();

        assertThat(text).doesNotContain("topsecret").doesNotContain("hunter2").contains("postgres://u@h:5432/db");
    }

    @Test
    void aMailServerIsReadFromOneUrlAndItsPasswordNeverShown() {
        Config config = Config.fromMap(Map.of(Config.SMTP_URL, "smtp://ubnd:m%40t-khau@mail.xa.example.vn?from=ubnd@xa.example.vn"));
        SmtpSettings smtp = config.smtp().orElseThrow();
        assertThat(smtp.host()).isEqualTo("mail.xa.example.vn");
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.password()).isEqualTo("m@t-khau");
        assertThat(smtp.tls()).isFalse();
        assertThat(config.toString()).doesNotContain("m@t-khau").doesNotContain("m%40t-khau").contains("mail.xa.example.vn");
        assertThat(SmtpSettings.parse("smtps://mail.example.vn?from=a@b.vn").port()).isEqualTo(465);
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.SMTP_URL, "mail.example.vn")))
                .isInstanceOf(Config.ConfigException.class).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> Config.fromMap(Map.of(Config.SMTP_URL, "smtp://mail.example.vn")))
                .hasMessageContaining("from=");
    }
}
