package vn.doithoai.transport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.doithoai.support.Organiser;
import vn.doithoai.support.StaffClient;
import vn.doithoai.support.TestServer;
import vn.doithoai.support.WsClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chair and the secretary pick responders and conclusions' offices from the commune's directory. */
class OfficesOnTheConsolesTest {

    @RegisterExtension
    final TestServer server = TestServer.forEachTest();

    @Test
    void theChairAndTheSecretaryAreSentTheCommunesOfficesWithTheirHeadsAndThePhonesAreNot() throws Exception {
        var admin = StaffClient.signedIn(server.port(), "admin", Organiser.SECRET);
        String commune = admin.post("/api/communes", Map.of("name", "Xã Ia Băng")).body().path("id").asText();
        String police = null;
        for (JsonNode o : admin.get("/api/communes/" + commune + "/offices").body().path("offices")) {
            if (o.path("name").asText().equals("Công an xã")) {
                police = o.path("id").asText();
            }
        }
        admin.put("/api/offices/" + police, Map.of("name", "Công an xã", "headName", "Rơ Mah Thuận", "headTitle", "Trưởng Công an xã"));
        String retired = admin.post("/api/communes/" + commune + "/offices", Map.of("name", "Ban Quản lý chợ")).body().path("id").asText();
        admin.post("/api/offices/" + retired + "/retire", "");
        JsonNode created = admin.post("/api/communes/" + commune + "/meetings", Map.of("title", "Đối thoại")).body();

        for (String role : new String[] {"chair", "secretary"}) {
            WsClient console = server.connect();
            console.helloWithToken(Organiser.token(created, role), null);
            JsonNode offices = console.awaitFrom(0, f -> "offices".equals(f.path("type").asText())).path("offices");
            assertThat(offices.toString()).as(role).contains("\"name\":\"Công an xã\",\"headName\":\"Rơ Mah Thuận\",\"headTitle\":\"Trưởng Công an xã\"")
                    .contains("Văn phòng HĐND và UBND xã").doesNotContain("Ban Quản lý chợ");
        }
        WsClient display = server.connect();
        display.helloWithToken(Organiser.token(created, "display"), null);
        WsClient phone = server.connect();
        phone.helloWithJoinCode(created.path("joinCode").asText(), null, null);
        Thread.sleep(Duration.ofMillis(500).toMillis());
        assertThat(display.frames()).noneMatch(f -> "offices".equals(f.path("type").asText()));
        assertThat(phone.frames()).noneMatch(f -> "offices".equals(f.path("type").asText()));
    }
}
