package smsplatform.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.SmsText;
import smsplatform.log.Log;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OutboundQueue;
import smsplatform.ports.SignatureStore;

/** SendSms: picks the caller's approved signature by name, records each message and queues it. */
public final class SendSmsService {

    public static final int MAX_NUMBERS = 200;
    public static final int MAX_CONTENT = 500;
    static final String SIGN_CODE = "FailedOperation.SignatureIncorrectOrUnapproved";

    public record Request(List<String> phoneNumbers, String sign, String content, String sessionContext) {}

    public record SendStatus(String serialNo, String phoneNumber, String code, String message, int fee,
                             String isoCode, String sessionContext) {}

    private final SignatureStore signatures;
    private final MessageStore messages;
    private final OutboundQueue outbound;
    private final Clock clock;

    public SendSmsService(SignatureStore signatures, MessageStore messages, OutboundQueue outbound, Clock clock) {
        this.signatures = signatures;
        this.messages = messages;
        this.outbound = outbound;
        this.clock = clock;
    }

    public List<SendStatus> send(Caller caller, Request request, Ids.Source ids) {
        List<String> numbers = request.phoneNumbers();
        if (numbers.isEmpty()) {
            throw Failure.missingField("phoneNumbers");
        }
        if (numbers.size() > MAX_NUMBERS) {
            throw Failure.invalid("LimitExceeded.PhoneNumberCountLimit",
                    "At most " + MAX_NUMBERS + " phone numbers per request", "phoneNumbers");
        }
        int contentLength = request.content().codePointCount(0, request.content().length());
        if (contentLength < 1 || contentLength > MAX_CONTENT) {
            throw Failure.invalid("InvalidParameterValue.ContentLength",
                    "content must be 1-" + MAX_CONTENT + " characters", "content");
        }
        boolean international = numbers.stream().anyMatch(PhoneNumber::looksInternational);
        if (international && !numbers.stream().allMatch(PhoneNumber::looksInternational)) {
            throw Failure.invalid("InvalidParameterValue.MixedRegions",
                    "Send domestic (+86) and international numbers in separate requests", "phoneNumbers");
        }
        String sign = resolveSign(caller, request.sign(), international);
        String text = SmsText.render(sign, request.content(), !international);
        int fee = SmsText.parts(text);
        Instant now = clock.instant();

        List<SendStatus> statuses = new ArrayList<>();
        List<SmsMessage> queued = new ArrayList<>();
        for (String raw : numbers) {
            Optional<PhoneNumber> number = PhoneNumber.parse(raw);
            if (number.isEmpty()) {
                statuses.add(new SendStatus("", raw, "InvalidParameterValue.IncorrectPhoneNumber",
                        "The phone number is not valid", 0, "", request.sessionContext()));
                continue;
            }
            String serialNo = ids.next("sms-");
            queued.add(new SmsMessage(caller.accountId(), serialNo, number.get().e164(), sign, text, fee,
                    SmsMessage.Status.QUEUED,
                    List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now));
            statuses.add(new SendStatus(serialNo, number.get().e164(), "Ok", "send success", fee,
                    number.get().isoCode(), request.sessionContext()));
        }
        if (!queued.isEmpty()) {
            messages.recordQueued(queued);
            outbound.send(queued.stream().map(m -> new OutboundQueue.Delivery(m.accountId(), m.serialNo())).toList());
        }
        Log.info("sms.accepted", "numbers", numbers.size(), "queued", queued.size());
        return statuses;
    }

    public SmsMessage status(Caller caller, String serialNo) {
        return messages.find(caller.accountId(), serialNo)
                .orElseThrow(() -> Failure.notFound("Message " + serialNo));
    }

    /** Exactly one of the caller's APPROVED signatures of the right region, by exact name; never a fallback. */
    private String resolveSign(Caller caller, String requested, boolean international) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty()) {
            if (international) {
                return null;
            }
            throw Failure.invalid(SIGN_CODE, "sign is required for domestic numbers", "sign");
        }
        Optional<Signature> signature = signatures.findByName(caller.accountId(), name);
        boolean usable = signature.isPresent()
                && signature.get().name().equals(name)
                && signature.get().status() == SignatureStatus.APPROVED
                && signature.get().application().international() == international;
        if (!usable) {
            throw Failure.invalid(SIGN_CODE,
                    "'" + name + "' is not one of your approved " + (international ? "international" : "domestic")
                            + " signatures", "sign");
        }
        return name;
    }
}
