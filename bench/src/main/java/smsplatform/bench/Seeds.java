package smsplatform.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoSignatureStore;
import smsplatform.aws.DynamoTemplateStore;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.ReviewDecision;
import smsplatform.domain.ReviewStage;
import smsplatform.domain.SerialNo;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignatureId;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.VariableKind;
import smsplatform.json.Json;
import smsplatform.json.ReviewMessageJson;
import smsplatform.ports.ReviewMessage;
import smsplatform.support.Ids;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Data the measured invocations need: an APPROVED "Acme Cloud" (the sample events' sign) and the APPROVED
 * template {@link #TEMPLATE_ID} (the sample send's), a signature awaiting the reviewer, a QUEUED message.
 */
final class Seeds implements AutoCloseable {

    private final DynamoDbClient dynamo;
    /** The template events/send-sms.json sends with. */
    static final String TEMPLATE_ID = "tpl-0000000000000000000000acme";
    /** A MARKETING and a NOTIFICATION template of the same shape: the opt-out check is what tells their sends apart. */
    static final String MARKETING_ID = "tpl-0000000000000000000000mktg";
    static final String NOTIFICATION_ID = "tpl-0000000000000000000000ntfy";

    private final DynamoSignatureStore store;
    private final DynamoTemplateStore templates;
    private final DynamoMessageStore messages;

    Seeds(String endpoint, Map<String, String> functionEnvironment) {
        dynamo = dynamo(endpoint, functionEnvironment);
        store = new DynamoSignatureStore(dynamo, functionEnvironment.get("TABLE_NAME"));
        templates = new DynamoTemplateStore(dynamo, functionEnvironment.get("TABLE_NAME"));
        messages = new DynamoMessageStore(dynamo, functionEnvironment.get("TABLE_NAME"));
    }

    /** A client of the local DynamoDB with a function's region and credentials. */
    static DynamoDbClient dynamo(String endpoint, Map<String, String> functionEnvironment) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.of(functionEnvironment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        functionEnvironment.get("AWS_ACCESS_KEY_ID"), functionEnvironment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The approved signature, the verification-code template a sample send needs, and {@link #MARKETING_ID}, {@link #NOTIFICATION_ID}. */
    void approvedSender(AccountId account) {
        approvedSignature(account);
        approvedTemplate(account, TEMPLATE_ID, TemplateType.VERIFICATION_CODE,
                "Your verification code is {1}, valid for 5 minutes.", VariableKind.CODE);
        approvedTemplate(account, MARKETING_ID, TemplateType.MARKETING,
                "Acme winter sale: 40% off boots until {1}. Reply STOP to opt out", VariableKind.DATETIME);
        approvedTemplate(account, NOTIFICATION_ID, TemplateType.NOTIFICATION,
                "Acme: your parcel {1} has shipped and arrives this week.", VariableKind.DIGITS);
    }

    private void approvedTemplate(AccountId account, String rawId, TemplateType type, String content, VariableKind kind) {
        Instant now = Instant.now();
        TemplateId id = new TemplateId(rawId);
        templates.create(new Template(account, id, now, new TemplateApplication(type.name() + " " + id, type, false,
                content, List.of(kind), "Bench"), TemplateStatus.APPROVED, null, List.of(), null, List.of(), 0,
                List.of(), now, 0), 100);
        if (templates.find(account, id).filter(t -> t.status() == TemplateStatus.APPROVED).isEmpty()) {
            throw new IllegalStateException("seeding " + account + " did not store an approved template " + id);
        }
    }

    void approvedSignature(AccountId account) {
        store.create(acmeCloud(account, SignatureStatus.APPROVED, null), 50);
        if (store.findByName(account, false, "Acme Cloud").filter(s -> s.status() == SignatureStatus.APPROVED).isEmpty()) {
            throw new IllegalStateException("seeding " + account + " did not store an approved signature");
        }
    }

    /**
     * A signature of the account awaiting the reviewer (automatic review done, nothing found), and the
     * review-queue body of a reviewer's approval of it, as the reviewer API queues it.
     */
    String reviewerApproval(AccountId account) {
        Signature stored = store.create(acmeCloud(account, SignatureStatus.IN_REVIEW, ReviewStage.MANUAL), 50);
        return ReviewMessageJson.write(ReviewMessage.decision(account, stored.signatureId(),
                stored.version(), ReviewDecision.APPROVE, List.of(), null, "bench-reviewer"));
    }

    /** A QUEUED message of the account (to a number the carrier simulator delivers), and its outbound-queue body. */
    String queuedMessage(AccountId account) {
        Instant now = Instant.now();
        SerialNo serialNo = new SerialNo(Ids.random(Clock.systemUTC()).next(SerialNo.PREFIX));
        messages.recordQueued(List.of(new SmsMessage(account, serialNo, "+8613800138000", "Acme Cloud", new TemplateId(TEMPLATE_ID),
                "【Acme Cloud】Your verification code is 424242, valid for 5 minutes.", 1, SmsMessage.Status.QUEUED,
                List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now)), false);
        return Json.write(Map.of("accountId", account, "serialNo", serialNo.value()));
    }

    private static Signature acmeCloud(AccountId account, SignatureStatus status, ReviewStage stage) {
        return company(account, "Acme Cloud", status, stage);
    }

    /** A COMPANY signature of the account, as a submission stores it, in {@code status} and {@code stage}. */
    static Signature company(AccountId account, String name, SignatureStatus status, ReviewStage stage) {
        Instant now = Instant.now();
        return new Signature(account, AccountType.ENTERPRISE, new SignatureId(Ids.random(Clock.systemUTC()).next(SignatureId.PREFIX)), now,
                new SignatureApplication(name, SignatureType.COMPANY, SignaturePurpose.SELF_USE, false,
                        Map.of("name", "Acme Cloud Computing Co., Ltd."), null),
                status, stage, Map.of(), List.of(), null, List.of(), 0, List.of(), now, 0);
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
