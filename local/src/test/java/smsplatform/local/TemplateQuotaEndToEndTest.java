package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static smsplatform.local.TemplatesEndToEndTest.SHIPPED;
import static smsplatform.local.TemplatesEndToEndTest.account;
import static smsplatform.local.TemplatesEndToEndTest.all;
import static smsplatform.local.TemplatesEndToEndTest.concurrently;
import static smsplatform.local.TemplatesEndToEndTest.error;
import static smsplatform.local.TemplatesEndToEndTest.with;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template quota (DESIGN §10) under concurrent submissions, on a stack of its own started with a quota of five:
 * the class runs beside the shared stack's classes.
 */
class TemplateQuotaEndToEndTest {

    @Test
    void twentyConcurrentSubmissionsUnderAQuotaOfFiveCreateExactlyFiveAndADeleteFreesOneSlot(@TempDir Path dir)
            throws Exception {
        try (RunningStack small = RunningStack.start(dir,
                "--parameter-overrides", "TemplateQuota=5")) {
            ApiClient client = account(small, "tpl-quota");
            List<Callable<ApiClient.Response>> submissions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = with(SHIPPED, "name", "Shipped " + i);
                submissions.add(() -> client.post("/v1/templates", body));
            }
            List<ApiClient.Response> responses = concurrently(submissions);
            long created = responses.stream().filter(r -> r.status() == 201).count();
            long refused = responses.stream().filter(r -> r.status() == 400
                    && r.body().contains("\"FailedOperation.TemplateNumberLimit\"")).count();
            List<String> held = all(client, 50);
            System.out.printf("template quota 5, 20 concurrent submissions: created %d, refused %d, listed %d, registry %d%n",
                    created, refused, held.size(), small.registrySize("tpl-quota", "TEMPLATE_REGISTRY"));
            assertThat(created).isEqualTo(5);
            assertThat(refused).isEqualTo(15);
            assertThat(held).hasSize(5);
            assertThat(small.registrySize("tpl-quota", "TEMPLATE_REGISTRY")).isEqualTo(5);

            ApiClient.Response sixth = client.post("/v1/templates", with(SHIPPED, "name", "Sixth"));
            assertThat(sixth.status()).isEqualTo(400);
            assertThat(error(sixth)).containsEntry("code", "FailedOperation.TemplateNumberLimit");
            assertThat(account(small, "tpl-quota-neighbour").post("/v1/templates", SHIPPED).status())
                    .as("the quota is per account").isEqualTo(201);
            assertThat(client.delete("/v1/templates/" + held.get(0)).status()).isEqualTo(204);
            ApiClient.Response afterDelete = client.post("/v1/templates", with(SHIPPED, "name", "After a delete"));
            assertThat(afterDelete.status()).as(afterDelete.body()).isEqualTo(201);
            assertThat(client.post("/v1/templates", with(SHIPPED, "name", "One too many")).status()).isEqualTo(400);
            assertThat(all(client, 50)).hasSize(5);
            System.out.printf("template quota 5: after a delete one more created, then refused again; held %d%n",
                    all(client, 50).size());
        }
    }
}
