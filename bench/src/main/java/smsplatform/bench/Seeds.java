package smsplatform.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.domain.AccountType;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.service.Ids;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Data the measured invocations need: an account holding an APPROVED "Acme Cloud" (the sample events'
 * sign) and the APPROVED verification-code template {@link #TEMPLATE_ID} (the sample send's template).
 */
final class Seeds implements AutoCloseable {

    private final DynamoDbClient dynamo;
    /** The template events/send-sms.json sends with. */
    static final String TEMPLATE_ID = "tpl-0000000000000000000000acme";

    private final DynamoSignatureStore store;
    private final DynamoTemplateStore templates;

    Seeds(String endpoint, Map<String, String> functionEnvironment) {
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.of(functionEnvironment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        functionEnvironment.get("AWS_ACCESS_KEY_ID"), functionEnvironment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create()).build();
        store = new DynamoSignatureStore(dynamo, functionEnvironment.get("TABLE_NAME"));
        templates = new DynamoTemplateStore(dynamo, functionEnvironment.get("TABLE_NAME"));
    }

    void approvedSender(String account) {
        approvedSignature(account);
        Instant now = Instant.now();
        templates.create(new Template(account, TEMPLATE_ID, now, new TemplateApplication("Login code",
                TemplateType.VERIFICATION_CODE, false, "Your verification code is {1}, valid for 5 minutes.",
                List.of(VariableKind.CODE), "Sign-in codes"), TemplateStatus.APPROVED, null, List.of(), null, List.of(), 0,
                List.of(), now, 0), 100);
        if (templates.find(account, TEMPLATE_ID).filter(t -> t.status() == TemplateStatus.APPROVED).isEmpty()) {
            throw new IllegalStateException("seeding " + account + " did not store an approved template");
        }
    }

    private void approvedSignature(String account) {
        Instant now = Instant.now();
        store.create(new Signature(account, AccountType.ENTERPRISE, Ids.random(Clock.systemUTC()).next("sig-"), now,
                new SignatureApplication("Acme Cloud", SignatureType.COMPANY, SignaturePurpose.SELF_USE, false,
                        Map.of("name", "Acme Cloud Computing Co., Ltd."), null),
                SignatureStatus.APPROVED, null, Map.of(), List.of(), null, List.of(), 0, List.of(), now, 0), 50);
        if (store.findByName(account, false, "Acme Cloud").filter(s -> s.status() == SignatureStatus.APPROVED).isEmpty()) {
            throw new IllegalStateException("seeding " + account + " did not store an approved signature");
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
