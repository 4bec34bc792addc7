package smsplatform.local;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import smsplatform.aws.DynamoCarrierLinks;
import smsplatform.aws.DynamoMessageStore;
import smsplatform.aws.DynamoStatistics;
import smsplatform.domain.CallbackEvent;
import smsplatform.ports.CallbackEvents;
import smsplatform.service.MessageProgress;

/** A message progress on the real DynamoDB adapters of one table, with the events it publishes kept for the test. */
final class Progress {

    final DynamoMessageStore messages;
    final DynamoCarrierLinks links;
    final DynamoStatistics statistics;
    final List<CallbackEvent> events = new CopyOnWriteArrayList<>();
    final MessageProgress progress;

    Progress(AwsBackend backend, String table, Clock clock) {
        this.messages = new DynamoMessageStore(backend.dynamo, table);
        this.links = new DynamoCarrierLinks(backend.dynamo, table, clock);
        this.statistics = new DynamoStatistics(backend.dynamo, table);
        CallbackEvents published = events::addAll;
        this.progress = new MessageProgress(messages, links, statistics, published);
    }
}
