package smsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import smsplatform.domain.AccountId;
import smsplatform.domain.AccountType;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.OptOut;
import smsplatform.domain.Page;
import smsplatform.domain.SendLimits;
import smsplatform.domain.SendStatus;
import smsplatform.domain.SerialNo;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureApplication;
import smsplatform.domain.SignaturePurpose;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SignatureType;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.Template;
import smsplatform.domain.TemplateApplication;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateStatus;
import smsplatform.domain.TemplateType;
import smsplatform.domain.TestIds;
import smsplatform.domain.VariableKind;
import smsplatform.phone.LibPhoneNumberPlan;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OptOuts;
import smsplatform.ports.OutboundQueue;
import smsplatform.ports.Statistics;
import smsplatform.service.PullServiceTest.MovingClock;
import smsplatform.service.SendSmsService.Request;
import smsplatform.support.Ids;

/** SendSms on in-memory ports: every refusal, the limits per number, retries under a key and the crash point. */
class SendSmsServiceTest {

    static final String DOMESTIC = "13800138000";
    static final String OTHER_DOMESTIC = "13900139000";
    static final String US = "+12025550123";

    final MovingClock clock = new MovingClock();
    final InMemorySignatureStore signatures = new InMemorySignatureStore();
    final InMemoryTemplateStore templates = new InMemoryTemplateStore();
    final InMemoryMessageStore messages = new InMemoryMessageStore();
    final InMemorySendCounters counters = new InMemorySendCounters();
    final InMemoryOptOuts optOuts = new InMemoryOptOuts();
    final InMemoryStatistics statistics = new InMemoryStatistics();
    final List<OutboundQueue.Delivery> outbound = new ArrayList<>();
    final Caller acme = new Caller(new AccountId("acme"), AccountType.ENTERPRISE, "user-acme", Set.of("sms/send"));
    final SendSmsService service = service(() -> { });

    /** The one place that builds the service (its constructor grows with its ports). */
    SendSmsService service(Runnable afterRecorded) {
        return service(optOuts, afterRecorded);
    }

    SendSmsService service(OptOuts lists, Runnable afterRecorded) {
        return new SendSmsService(signatures, templates, messages, outbound::addAll, counters, lists, statistics,
                new LibPhoneNumberPlan(), clock, afterRecorded);
    }

    SendSmsServiceTest() {
        signature(new AccountId("acme"), "Acme Cloud", false, SignatureStatus.APPROVED);
        signature(new AccountId("acme"), "Acme Global", true, SignatureStatus.APPROVED);
        signature(new AccountId("acme"), "Acme Pending", false, SignatureStatus.IN_REVIEW);
        signature(new AccountId("other"), "Other Co", false, SignatureStatus.APPROVED);
        template(new AccountId("acme"), tpl("code"), false, "Your code is {1}.", TemplateStatus.APPROVED);
        template(new AccountId("acme"), tpl("intl"), true, "Your code is {1}.", TemplateStatus.APPROVED);
        template(new AccountId("acme"), tpl("pending"), false, "Your code is {1}.", TemplateStatus.IN_REVIEW);
        template(new AccountId("other"), tpl("other"), false, "Your code is {1}.", TemplateStatus.APPROVED);
        template(new AccountId("acme"), tpl("sale"), TemplateType.MARKETING, "Sale until {1}. Reply STOP to opt out");
        template(new AccountId("acme"), tpl("ship"), TemplateType.NOTIFICATION, "Parcel {1} shipped.");
    }

    /** The raw id a request names the template by that label with. */
    static String tpl(String label) {
        return TestIds.template(label).value();
    }

    void template(AccountId account, String id, TemplateType type, String content) {
        templates.create(new Template(account, new TemplateId(id), clock.now, new TemplateApplication("Messages", type,
                false, content, List.of(VariableKind.DIGITS), "Messages"), TemplateStatus.APPROVED, null, List.of(), null,
                List.of(), 0, List.of(), clock.now, 0), 100);
    }

    void signature(AccountId account, String name, boolean international, SignatureStatus status) {
        signatures.put(new Signature(account, AccountType.ENTERPRISE, TestIds.signature(account + "-" + name),
                clock.now, new SignatureApplication(name, SignatureType.COMPANY, SignaturePurpose.SELF_USE, international,
                Map.of("name", name + " Ltd."), null), status, null, Map.of(), List.of(), null, List.of(), 0, List.of(),
                clock.now, 0));
    }

    void template(AccountId account, String id, boolean international, String content, TemplateStatus status) {
        templates.create(new Template(account, new TemplateId(id), clock.now, new TemplateApplication("Codes", TemplateType.VERIFICATION_CODE,
                international, content, List.of(VariableKind.CODE), "Sign-in codes"), status, null, List.of(), null,
                List.of(), 0, List.of(), clock.now, 0), 100);
    }

    List<SendStatus> send(List<String> numbers, String sign, String templateId, String... params) {
        return service.send(acme, new Request(numbers, sign, templateId, List.of(params), "ctx-1"), Ids.random(clock));
    }

    List<SendStatus> sendCode(String number, String code) {
        return send(List.of(number), "Acme Cloud", tpl("code"), code);
    }

    static void assertRefused(Runnable call, String code, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.field()).isEqualTo(field);
        });
    }

    void assertNothingRecordedOrQueued() {
        assertThat(messages.pending(SmsMessage.Status.QUEUED, clock.now.plusSeconds(1), 1000)).isEmpty();
        assertThat(outbound).isEmpty();
        assertThat(counters.counted(new AccountId("acme"), "+86" + DOMESTIC)).isZero();
    }

    @Test
    void aDomesticSendRendersTheSignInCornerBracketsRecordsTheMessageQueuedAndQueuesItsDelivery() {
        SendStatus status = sendCode(DOMESTIC, "424242").get(0);
        assertThat(status.code()).isEqualTo(SendLimits.Verdict.OK.code());
        assertThat(status.message()).isEqualTo("send success");
        assertThat(status.phoneNumber()).isEqualTo("+86" + DOMESTIC);
        assertThat(status.isoCode()).isEqualTo("CN");
        assertThat(status.fee()).isEqualTo(1);
        assertThat(status.sessionContext()).isEqualTo("ctx-1");
        SmsMessage m = service.status(acme, status.serialNo());
        assertThat(m.text()).isEqualTo("【Acme Cloud】Your code is 424242.");
        assertThat(m.status()).isEqualTo(SmsMessage.Status.QUEUED);
        assertThat(m.templateId()).isEqualTo(TestIds.template("code"));
        assertThat(outbound).containsExactly(new OutboundQueue.Delivery(new AccountId("acme"), status.serialNo()));
        assertThat(counters.counted(new AccountId("acme"), "+86" + DOMESTIC)).isEqualTo(1);
    }

    @Test
    void anInternationalSendPutsTheSignInSquareBracketsOrLeavesItOutWhenNoneIsGiven() {
        SendStatus signed = send(List.of(US), "Acme Global", tpl("intl"), "4242").get(0);
        clock.now = clock.now.plusSeconds(31);
        SendStatus unsigned = send(List.of(US), null, tpl("intl"), "4243").get(0);
        assertThat(signed.isoCode()).isEqualTo("US");
        assertThat(service.status(acme, signed.serialNo()).text()).isEqualTo("[Acme Global] Your code is 4242.");
        assertThat(service.status(acme, unsigned.serialNo()).text()).isEqualTo("Your code is 4243.");
    }

    @Test
    void noPhoneNumbersIsAMissingParameterAndChangesNothing() {
        assertRefused(() -> send(List.of(), "Acme Cloud", tpl("code"), "4242"), "MissingParameter", "phoneNumbers");
        assertNothingRecordedOrQueued();
    }

    @Test
    void moreThanTwoHundredNumbersAreRefusedWholeAndTwoHundredAreSent() {
        List<String> numbers = IntStream.range(0, SendSmsService.MAX_NUMBERS + 1)
                .mapToObj(i -> String.format("13%09d", i)).toList();
        assertRefused(() -> send(numbers, "Acme Cloud", tpl("code"), "4242"),
                "LimitExceeded.PhoneNumberCountLimit", "phoneNumbers");
        assertThat(outbound).isEmpty();
        assertThat(send(numbers.subList(0, SendSmsService.MAX_NUMBERS), "Acme Cloud", tpl("code"), "4242"))
                .allSatisfy(s -> assertThat(s.code()).isEqualTo(SendLimits.Verdict.OK.code()));
        assertThat(outbound).hasSize(SendSmsService.MAX_NUMBERS);
    }

    @Test
    void domesticAndInternationalNumbersInOneRequestAreRefusedAsMixedRegions() {
        assertRefused(() -> send(List.of(DOMESTIC, US), "Acme Cloud", tpl("code"), "4242"),
                "InvalidParameterValue.MixedRegions", "phoneNumbers");
        assertNothingRecordedOrQueued();
    }

    @Test
    void aDomesticSendNeedsASign() {
        for (String sign : new String[] {null, "", "   "}) {
            assertRefused(() -> send(List.of(DOMESTIC), sign, tpl("code"), "4242"), SendSmsService.SIGN_CODE, "sign");
        }
        assertNothingRecordedOrQueued();
    }

    @Test
    void onlyAnApprovedSignatureOfTheCallerAndTheRegionWithExactlyThatNameIsUsed() {
        for (String sign : List.of("Acme Pending", "Other Co", "Acme Global", "acme cloud", "No Such Sign")) {
            assertRefused(() -> send(List.of(DOMESTIC), sign, tpl("code"), "4242"), SendSmsService.SIGN_CODE, "sign");
        }
        assertRefused(() -> send(List.of(US), "Acme Cloud", tpl("intl"), "4242"), SendSmsService.SIGN_CODE, "sign");
        assertNothingRecordedOrQueued();
    }

    @Test
    void theSignIsStrippedOfSurroundingSpaces() {
        SendStatus status = send(List.of(DOMESTIC), "  Acme Cloud ", tpl("code"), "4242").get(0);
        assertThat(service.status(acme, status.serialNo()).sign()).isEqualTo("Acme Cloud");
    }

    @Test
    void aSendNeedsATemplateId() {
        assertRefused(() -> send(List.of(DOMESTIC), "Acme Cloud", " ", "4242"), "MissingParameter", "templateId");
        assertNothingRecordedOrQueued();
    }

    @Test
    void onlyAnApprovedTemplateOfTheCallerAndTheRegionIsRendered() {
        for (String templateId : List.of(tpl("pending"), tpl("other"), tpl("intl"), tpl("none"), "tpl-malformed")) {
            assertRefused(() -> send(List.of(DOMESTIC), "Acme Cloud", templateId, "4242"),
                    SendSmsService.TEMPLATE_CODE, "templateId");
        }
        assertRefused(() -> send(List.of(US), null, tpl("code"), "4242"), SendSmsService.TEMPLATE_CODE, "templateId");
        assertNothingRecordedOrQueued();
    }

    @Test
    void parametersThatDoNotFitTheTemplatesVariablesAreRefusedBeforeAnythingIsCounted() {
        for (List<String> params : List.of(List.<String>of(), List.of("42"), List.of("4242", "extra"))) {
            assertThatThrownBy(() -> send(List.of(DOMESTIC), "Acme Cloud", tpl("code"), params.toArray(String[]::new)))
                    .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.field()).isEqualTo("templateParams"));
        }
        assertNothingRecordedOrQueued();
    }

    @Test
    void anInvalidNumberGetsItsOwnStatusWithoutASerialNumberWhileTheOthersAreSent() {
        List<SendStatus> statuses = send(List.of("12345", DOMESTIC), "Acme Cloud", tpl("code"), "4242");
        assertThat(statuses.get(0)).satisfies(s -> {
            assertThat(s.code()).isEqualTo("InvalidParameterValue.IncorrectPhoneNumber");
            assertThat(s.serialNo()).isNull();
            assertThat(s.phoneNumber()).isEqualTo("12345");
            assertThat(s.fee()).isZero();
        });
        assertThat(statuses.get(1).code()).isEqualTo(SendLimits.Verdict.OK.code());
        assertThat(outbound).extracting(OutboundQueue.Delivery::serialNo).containsExactly(statuses.get(1).serialNo());
    }

    @Test
    void aNumberWrittenWithSeparatorsIsTheSameNumberAndLandlinesAreRefused() {
        List<SendStatus> statuses = send(List.of("138-0013-8000", "+86 138 0013 8000", "010 1234 5678"),
                "Acme Cloud", tpl("code"), "4242");
        assertThat(statuses).extracting(SendStatus::phoneNumber).containsExactly("+86" + DOMESTIC, "+86" + DOMESTIC, "010 1234 5678");
        assertThat(statuses).extracting(SendStatus::code).containsExactly(SendLimits.Verdict.OK.code(),
                SendLimits.Verdict.THIRTY_SECONDS.code(), "InvalidParameterValue.IncorrectPhoneNumber");
        assertThat(outbound).hasSize(1);
    }

    @Test
    void eachInternationalNumberReportsItsOwnRegion() {
        assertThat(send(List.of("+44 7400 123456", "+852 5123 4567", "+1 (415) 555-0100"), null, tpl("intl"), "4242"))
                .extracting(SendStatus::code, SendStatus::isoCode).containsExactly(
                        tuple(SendLimits.Verdict.OK.code(), "GB"), tuple(SendLimits.Verdict.OK.code(), "HK"),
                        tuple(SendLimits.Verdict.OK.code(), "US"));
    }

    @Test
    void onlyInvalidNumbersRecordAndQueueNothing() {
        assertThat(send(List.of("12345", "1380013800"), "Acme Cloud", tpl("code"), "4242"))
                .extracting(SendStatus::code).containsOnly("InvalidParameterValue.IncorrectPhoneNumber");
        assertNothingRecordedOrQueued();
    }

    @Test
    void theSameContentToTheSameNumberWithinThirtySecondsIsRefusedForThatNumberOnly() {
        sendCode(DOMESTIC, "4242");
        clock.now = clock.now.plus(SendLimits.SAME_CONTENT_WINDOW).minusSeconds(1);
        List<SendStatus> again = send(List.of(DOMESTIC, OTHER_DOMESTIC), "Acme Cloud", tpl("code"), "4242");
        assertThat(again).extracting(SendStatus::code).containsExactly(SendLimits.Verdict.THIRTY_SECONDS.code(), SendLimits.Verdict.OK.code());
        assertThat(again.get(0).serialNo()).isNull();
        assertThat(again.get(0).fee()).isZero();
        assertThat(again.get(0).message()).contains("30 seconds");
        assertThat(sendCode(DOMESTIC, "5353").get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
        clock.now = clock.now.plusSeconds(1);
        assertThat(sendCode(OTHER_DOMESTIC, "4242").get(0).code()).isEqualTo(SendLimits.Verdict.THIRTY_SECONDS.code());
        clock.now = clock.now.plus(SendLimits.SAME_CONTENT_WINDOW);
        assertThat(sendCode(DOMESTIC, "4242").get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
    }

    @Test
    void aNumberRepeatedInOneRequestIsSentOnceAndRefusedAfterwardsAsTheSameContent() {
        List<SendStatus> statuses = send(List.of(DOMESTIC, "+86" + DOMESTIC), "Acme Cloud", tpl("code"), "4242");
        assertThat(statuses).extracting(SendStatus::code).containsExactly(SendLimits.Verdict.OK.code(), SendLimits.Verdict.THIRTY_SECONDS.code());
        assertThat(outbound).hasSize(1);
    }

    @Test
    void aSixthMessageWithinAnHourAndAnEleventhWithinADayAreRefused() {
        for (int i = 0; i < SendLimits.PER_HOUR; i++) {
            assertThat(sendCode(DOMESTIC, "code" + i).get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(sendCode(DOMESTIC, "more1").get(0).code()).isEqualTo(SendLimits.Verdict.ONE_HOUR.code());
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = SendLimits.PER_HOUR; i < SendLimits.PER_DAY; i++) {
            assertThat(sendCode(DOMESTIC, "code" + i).get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
        }
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThat(sendCode(DOMESTIC, "more2").get(0).code()).isEqualTo(SendLimits.Verdict.DAILY.code());
        assertThat(sendCode(OTHER_DOMESTIC, "more2").get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(sendCode(DOMESTIC, "more3").get(0).code()).isEqualTo(SendLimits.Verdict.OK.code());
    }

    @Test
    void aRetryWithTheSameIdSeedGetsTheSameSerialNumbersWithoutCountingOrRecordingTwice() {
        String seed = Ids.random(clock).next("idem-");
        Request request = new Request(List.of(DOMESTIC, OTHER_DOMESTIC), "Acme Cloud", tpl("code"), List.of("4242"), null);
        List<SendStatus> first = service.send(acme, request, Ids.seeded(seed));
        clock.now = clock.now.plusSeconds(5);
        List<SendStatus> retry = service.send(acme, request, Ids.seeded(seed));
        assertThat(retry).isEqualTo(first);
        assertThat(retry).extracting(SendStatus::code).containsOnly(SendLimits.Verdict.OK.code());
        assertThat(counters.counted(new AccountId("acme"), "+86" + DOMESTIC)).isEqualTo(1);
        assertThat(service.status(acme, first.get(0).serialNo()).statusHistory()).hasSize(1);
        // Still QUEUED, so queued again (the retry cannot know whether the first attempt queued them).
        List<SerialNo> serials = first.stream().map(SendStatus::serialNo).toList();
        assertThat(outbound).extracting(OutboundQueue.Delivery::serialNo)
                .containsExactly(serials.get(0), serials.get(1), serials.get(0), serials.get(1));
    }

    @Test
    void aCrashAfterRecordingLeavesTheMessagesQueuedForTheSweeperAndARetryQueuesThem() {
        String seed = Ids.random(clock).next("idem-");
        Request request = new Request(List.of(DOMESTIC), "Acme Cloud", tpl("code"), List.of("4242"), null);
        assertThatThrownBy(() -> service(() -> { throw new IllegalStateException("crash"); })
                .send(acme, request, Ids.seeded(seed))).hasMessage("crash");
        assertThat(outbound).isEmpty();
        List<MessageStore.Ref> stranded = messages.pending(SmsMessage.Status.QUEUED, clock.now, 10);
        assertThat(stranded).hasSize(1);
        List<SendStatus> retry = service.send(acme, request, Ids.seeded(seed));
        assertThat(retry.get(0).serialNo()).isEqualTo(stranded.get(0).serialNo());
        assertThat(outbound).extracting(OutboundQueue.Delivery::serialNo).containsExactly(stranded.get(0).serialNo());
    }

    @Test
    void theFeeIsTheNumberOfPartsOfTheRenderedTextForEveryNumber() {
        template(new AccountId("acme"), tpl("long"), false, String.join("", Collections.nCopies(60, "码")) + "{1}", TemplateStatus.APPROVED);
        List<SendStatus> statuses = send(List.of(DOMESTIC, OTHER_DOMESTIC), "Acme Cloud", tpl("long"), "4242");
        assertThat(statuses).extracting(SendStatus::fee).containsExactly(2, 2); // 76 UCS-2 units: 2 parts of 67
        assertThat(service.status(acme, statuses.get(0).serialNo()).fee()).isEqualTo(2);
        assertThat(sendCode("+8613700137000", "4242").get(0).fee()).isEqualTo(1);
    }

    @Test
    void anotherAccountsMessageIsNotFound() {
        SerialNo serialNo = sendCode(DOMESTIC, "4242").get(0).serialNo();
        Caller other = new Caller(new AccountId("other"), AccountType.ENTERPRISE, "user-other", Set.of("sms/send"));
        assertRefused(() -> service.status(other, serialNo), "ResourceNotFound", null);
    }

    @Test
    void aMarketingSendSkipsOptedOutNumbersWithoutAMessageOrAFeeAndCountsThemWithOneBatchedRead() {
        optOuts.decide(new AccountId("acme"), "+86" + DOMESTIC, true, clock.now, OptOut.Source.REPLY);

        List<SendStatus> sale = send(List.of(DOMESTIC, OTHER_DOMESTIC), "Acme Cloud", tpl("sale"), "20261231");

        assertThat(sale).extracting(SendStatus::code)
                .containsExactly(SendSmsService.OPTED_OUT_CODE, SendLimits.Verdict.OK.code());
        assertThat(sale.get(0).serialNo()).isNull();
        assertThat(sale.get(0).fee()).isZero();
        assertThat(counters.counted(new AccountId("acme"), "+86" + DOMESTIC)).as("an opted-out number uses no send limit").isZero();
        assertThat(outbound).hasSize(1);
        assertThat(optOuts.batchedReads).isEqualTo(1);
        assertThat(statistics.read(new AccountId("acme"), Statistics.day(clock.now), Statistics.day(clock.now)).get(0).optedOut())
                .isEqualTo(1);
    }

    @Test
    void notificationsAndVerificationCodesReachAnOptedOutNumberAndReadNoList() {
        optOuts.decide(new AccountId("acme"), "+86" + DOMESTIC, true, clock.now, OptOut.Source.API);

        assertThat(send(List.of(DOMESTIC), "Acme Cloud", tpl("ship"), "4711")).extracting(SendStatus::code)
                .containsExactly(SendLimits.Verdict.OK.code());
        assertThat(sendCode(DOMESTIC, "424242")).extracting(SendStatus::code).containsExactly(SendLimits.Verdict.OK.code());
        assertThat(optOuts.batchedReads).isZero();
    }

    @Test
    void aSendAdmittedBeforeAnOptOutWasRecordedGoesOutAndOneAdmittedAfterDoesNot() {
        // The reply lands while the send is in flight: right after the send read the list.
        OptOuts replyInFlight = new OptOuts() {
            @Override
            public Set<String> optedOut(AccountId accountId, Collection<String> numbers) {
                Set<String> seen = optOuts.optedOut(accountId, numbers);
                optOuts.decide(new AccountId("acme"), "+86" + DOMESTIC, true, clock.now, OptOut.Source.REPLY);
                return seen;
            }

            @Override
            public boolean decide(AccountId accountId, String number, boolean out, Instant at, OptOut.Source source) {
                return optOuts.decide(accountId, number, out, at, source);
            }

            @Override
            public Optional<OptOut> find(AccountId accountId, String number) {
                return optOuts.find(accountId, number);
            }

            @Override
            public Page<OptOut> list(AccountId accountId, int limit, String afterNumber) {
                return optOuts.list(accountId, limit, afterNumber);
            }
        };
        SendSmsService inFlight = service(replyInFlight, () -> { });

        List<SendStatus> admitted = inFlight.send(acme, new Request(List.of(DOMESTIC), "Acme Cloud", tpl("sale"),
                List.of("20261231"), null), Ids.random(clock));
        clock.now = clock.now.plusSeconds(60);
        List<SendStatus> after = send(List.of(DOMESTIC), "Acme Cloud", tpl("sale"), "20270101");

        assertThat(admitted).extracting(SendStatus::code).containsExactly(SendLimits.Verdict.OK.code());
        assertThat(service.status(acme, admitted.get(0).serialNo()).status()).isEqualTo(SmsMessage.Status.QUEUED);
        assertThat(after).extracting(SendStatus::code).containsExactly(SendSmsService.OPTED_OUT_CODE);
    }
}
