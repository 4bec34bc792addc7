package smsplatform.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import smsplatform.domain.ApprovedTemplate;
import smsplatform.domain.Caller;
import smsplatform.domain.Failure;
import smsplatform.domain.PhoneNumber;
import smsplatform.domain.PhoneNumberPlan;
import smsplatform.domain.SendLimits.Verdict;
import smsplatform.domain.SendStatus;
import smsplatform.domain.SerialNo;
import smsplatform.domain.Signature;
import smsplatform.domain.SignatureStatus;
import smsplatform.domain.SmsMessage;
import smsplatform.domain.SmsText;
import smsplatform.domain.TemplateId;
import smsplatform.domain.TemplateType;
import smsplatform.log.Log;
import smsplatform.log.Metrics;
import smsplatform.ports.MessageStore;
import smsplatform.ports.OptOuts;
import smsplatform.ports.OutboundQueue;
import smsplatform.ports.SendCounters;
import smsplatform.ports.SignatureStore;
import smsplatform.ports.Statistics;
import smsplatform.ports.TemplateStore;
import smsplatform.support.Digests;
import smsplatform.support.Ids;

/**
 * SendSms: picks the caller's approved signature by name and approved template by id, renders the
 * text once for the request, records each message and queues it.
 */
public final class SendSmsService {

    public static final int MAX_NUMBERS = 200;
    static final String SIGN_CODE = "FailedOperation.SignatureIncorrectOrUnapproved";
    static final String TEMPLATE_CODE = "FailedOperation.TemplateIncorrectOrUnapproved";
    public static final String OPTED_OUT_CODE = "FailedOperation.PhoneNumberOptedOut";

    public record Request(List<String> phoneNumbers, String sign, String templateId, List<String> templateParams,
                          String sessionContext) {
        public Request {
            templateParams = templateParams == null ? List.of() : templateParams;
        }
    }

    private final SignatureStore signatures;
    private final TemplateStore templates;
    private final MessageStore messages;
    private final OutboundQueue outbound;
    private final SendCounters counters;
    private final OptOuts optOuts;
    private final Statistics statistics;
    private final PhoneNumberPlan plan;
    private final Clock clock;
    private final Runnable afterRecorded;

    public SendSmsService(SignatureStore signatures, TemplateStore templates, MessageStore messages,
                          OutboundQueue outbound, SendCounters counters, OptOuts optOuts, Statistics statistics,
                          PhoneNumberPlan plan, Clock clock) {
        this(signatures, templates, messages, outbound, counters, optOuts, statistics, plan, clock, () -> { });
    }

    /** {@code afterRecorded}: a fault-injection point between recording the messages and queueing them. */
    public SendSmsService(SignatureStore signatures, TemplateStore templates, MessageStore messages,
                          OutboundQueue outbound, SendCounters counters, OptOuts optOuts, Statistics statistics,
                          PhoneNumberPlan plan, Clock clock, Runnable afterRecorded) {
        this.signatures = signatures;
        this.templates = templates;
        this.messages = messages;
        this.outbound = outbound;
        this.counters = counters;
        this.optOuts = optOuts;
        this.statistics = statistics;
        this.plan = plan;
        this.clock = clock;
        this.afterRecorded = afterRecorded;
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
        boolean international = numbers.stream().anyMatch(PhoneNumber::looksInternational);
        if (international && !numbers.stream().allMatch(PhoneNumber::looksInternational)) {
            throw Failure.invalid("InvalidParameterValue.MixedRegions",
                    "Send domestic (+86) and international numbers in separate requests", "phoneNumbers");
        }
        String sign = resolveSign(caller, request.sign(), international);
        ApprovedTemplate template = resolveTemplate(caller, request.templateId(), international);
        String text = SmsText.render(sign, template.render(request.templateParams()), !international);
        int fee = SmsText.parts(text);
        String digest = digest(text);
        Instant now = clock.instant();

        // Serial numbers in request order (deterministic under an Idempotency-Key), then the limits.
        List<PhoneNumber> parsed = new ArrayList<>();
        List<SerialNo> serials = new ArrayList<>(); // null: no message for that number
        List<SendCounters.Send> sends = new ArrayList<>();
        for (String raw : numbers) {
            // A number of the other region than the request's is as incorrect as one of no region.
            Optional<PhoneNumber> number = plan.parse(raw).filter(n -> n.domestic() != international);
            parsed.add(number.orElse(null));
            serials.add(number.isPresent() ? new SerialNo(ids.next(SerialNo.PREFIX)) : null);
        }
        Set<String> optedOut = optedOut(caller, template, parsed);
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber number = parsed.get(i);
            if (number != null && !optedOut.contains(number.e164())) {
                sends.add(new SendCounters.Send(number.e164(), serials.get(i)));
            }
        }
        Metrics.count(Metrics.MESSAGES_REQUESTED, sends.size());
        List<Verdict> admitted = sends.isEmpty() ? List.of() : counters.admitAll(caller.accountId(), sends, digest, now);
        Verdict[] verdicts = new Verdict[numbers.size()];
        boolean[] refused = new boolean[numbers.size()];
        int skipped = 0;
        for (int i = 0, next = 0; i < numbers.size(); i++) {
            PhoneNumber number = parsed.get(i);
            refused[i] = number != null && optedOut.contains(number.e164());
            skipped += refused[i] ? 1 : 0;
            verdicts[i] = number == null || refused[i] ? null : admitted.get(next++);
        }
        if (skipped > 0) {
            Metrics.count(Metrics.MESSAGES_OPTED_OUT, skipped);
            statistics.add(caller.accountId(), Statistics.day(now), Map.of(Statistics.Counter.OPTED_OUT, (long) skipped));
        }

        List<SendStatus> statuses = new ArrayList<>();
        List<SmsMessage> queued = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            PhoneNumber number = parsed.get(i);
            if (number == null) {
                statuses.add(new SendStatus(null, numbers.get(i), "InvalidParameterValue.IncorrectPhoneNumber",
                        "The phone number is not valid", 0, "", request.sessionContext()));
            } else if (refused[i]) {
                statuses.add(new SendStatus(null, number.e164(), OPTED_OUT_CODE,
                        "The number opted out of your marketing messages", 0, number.isoCode(), request.sessionContext()));
            } else if (verdicts[i] != Verdict.OK) {
                statuses.add(new SendStatus(null, number.e164(), verdicts[i].code(), verdicts[i].message(), 0,
                        number.isoCode(), request.sessionContext()));
            } else {
                queued.add(new SmsMessage(caller.accountId(), serials.get(i), number.e164(), sign,
                        template.templateId(), text, fee,
                        SmsMessage.Status.QUEUED,
                        List.of(new SmsMessage.StatusChange(SmsMessage.Status.QUEUED, now, null)), now));
                statuses.add(new SendStatus(serials.get(i), number.e164(), Verdict.OK.code(), Verdict.OK.message(),
                        fee, number.isoCode(), request.sessionContext()));
            }
        }
        if (!queued.isEmpty()) {
            List<SerialNo> toDeliver = messages.recordQueued(queued, ids.repeatable());
            // A crash here leaves recorded messages QUEUED that never reach the queue: the sweeper queues them.
            afterRecorded.run();
            outbound.send(toDeliver.stream().map(serial -> new OutboundQueue.Delivery(caller.accountId(), serial)).toList());
        }
        Log.info("sms.accepted", "numbers", numbers.size(), "queued", queued.size());
        return statuses;
    }

    /**
     * For a MARKETING template, the numbers that refused the account's marketing: one consistent batched read at
     * admission. That read is the rule for races (DESIGN §12): a send whose read came before an opt-out was
     * recorded may go out (delivery does not read the list again); one whose read comes after never does.
     */
    private Set<String> optedOut(Caller caller, ApprovedTemplate template, List<PhoneNumber> parsed) {
        if (template.type() != TemplateType.MARKETING) {
            return Set.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        parsed.stream().filter(Objects::nonNull).forEach(n -> distinct.add(n.e164()));
        return distinct.isEmpty() ? Set.of() : optOuts.optedOut(caller.accountId(), distinct);
    }

    private static String digest(String text) {
        return Digests.sha256Hex(text).substring(0, 24);
    }

    public SmsMessage status(Caller caller, SerialNo serialNo) {
        return messages.find(caller.accountId(), serialNo)
                .orElseThrow(() -> Failure.notFound("Message " + serialNo));
    }

    /** The caller's APPROVED template of the right region, read on every request (approvals are never cached). */
    private ApprovedTemplate resolveTemplate(Caller caller, String templateId, boolean international) {
        if (templateId == null || templateId.isBlank()) {
            throw Failure.missingField("templateId");
        }
        return TemplateId.parse(templateId.strip()).flatMap(id -> templates.findApproved(caller.accountId(), id))
                .filter(t -> t.international() == international)
                .orElseThrow(() -> Failure.invalid(TEMPLATE_CODE, "'" + templateId + "' is not one of your approved "
                        + (international ? "international" : "domestic") + " templates", "templateId"));
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
        Optional<Signature> signature = signatures.findByName(caller.accountId(), international, name);
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
