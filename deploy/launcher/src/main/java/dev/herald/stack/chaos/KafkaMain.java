package dev.herald.stack.chaos;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.herald.infra.KafkaBroker;
import dev.herald.infra.TopicSpec;

/** The broker in a JVM of its own, so that the chaos run can SIGKILL it: {@code KafkaMain <port> <log dir> <start id>}. */
public final class KafkaMain {

    private KafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Integer.parseInt(args[0]), Path.of(args[1]));
        broker.createTopics(TopicSpec.ALL);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println(KafkaProcess.READY + args[2]);
        new CountDownLatch(1).await();
    }
}
