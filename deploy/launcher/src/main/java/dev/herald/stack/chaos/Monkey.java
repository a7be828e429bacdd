package dev.herald.stack.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.herald.stack.Pause;

/**
 * Kills a part with SIGKILL at a random moment, leaves it down for a few seconds and starts it again, while the parts
 * killed before may still be starting; now and then takes the webhook receiver down instead, or sends bad records
 * straight to the topics. Like Kubernetes, it launches again a service that exited on its own. The two feed-service
 * replicas are never down together, so that one always serves.
 */
final class Monkey implements Runnable {

    /** What was done, with the run's clock, and how long until the part served again. */
    record Fault(Duration at, String what, Duration down) {
    }

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration TICK = Duration.ofMillis(250);

    private final ChaosStack stack;
    private final Receiver receiver;
    private final BadRecords badRecords;
    private final Random random;
    private final AtomicBoolean stop;
    private final long started = System.nanoTime();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Set<Part> down = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile boolean everyFaultDealt;

    Monkey(ChaosStack stack, Receiver receiver, BadRecords badRecords, Random random, AtomicBoolean stop) {
        this.stack = stack;
        this.receiver = receiver;
        this.badRecords = badRecords;
        this.random = random;
        this.stop = stop;
    }

    @Override
    public void run() {
        // every fault once first, in a random order, so that even a short run has each of them
        List<BooleanSupplier> firstRound = new ArrayList<>();
        for (Part part : Part.values()) {
            firstRound.add(() -> crash(part));
        }
        firstRound.add(this::receiverOutage);
        firstRound.add(this::sendBadRecords);
        Collections.shuffle(firstRound, random);
        while (!stop.get()) {
            waitSupervising(Duration.ofMillis(1_000 + random.nextInt(3_000)));
            if (stop.get()) {
                break;
            }
            if (!firstRound.isEmpty()) {
                BooleanSupplier fault = firstRound.remove(0);
                if (!fault.getAsBoolean()) {
                    firstRound.add(fault); // a feed replica whose other replica was still down: its turn comes again
                }
                everyFaultDealt = firstRound.isEmpty();
                continue;
            }
            int dice = random.nextInt(12);
            if (dice == 0) {
                sendBadRecords();
            } else if (dice == 1) {
                receiverOutage();
            } else {
                crash(Part.values()[random.nextInt(Part.values().length)]);
            }
        }
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (!down.isEmpty() && Instant.now().isBefore(deadline)) {
            waitSupervising(TICK);
        }
    }

    /** False when the part may not go down now: it is down already, or it is the other replica of one that is. */
    private boolean crash(Part part) {
        Part otherReplica = part == Part.FEED_1 ? Part.FEED_2 : part == Part.FEED_2 ? Part.FEED_1 : null;
        if (down.contains(part) || (otherReplica != null && down.contains(otherReplica))) {
            return false;
        }
        Duration at = elapsed();
        down.add(part);
        stack.kill(part);
        count(part.label() + " killed");
        waitSupervising(Duration.ofMillis(500 + random.nextInt(4_000)));
        stack.restart(part);
        if (!Part.SERVICES.contains(part)) {
            up(part, at);
            return true;
        }
        CompletableFuture.runAsync(() -> {
            while (!stack.ready(part)) {
                Pause.of(Duration.ofMillis(200));
            }
            up(part, at);
        });
        return true;
    }

    private void up(Part part, Duration killedAt) {
        down.remove(part);
        faults.add(new Fault(killedAt, part.label() + " killed (SIGKILL), started again", elapsed().minus(killedAt)));
    }

    private boolean receiverOutage() {
        Duration at = elapsed();
        receiver.down();
        waitSupervising(Duration.ofMillis(3_000 + random.nextInt(7_000)));
        receiver.up();
        faults.add(new Fault(at, "webhook receiver and WebSub subscriber down", elapsed().minus(at)));
        count("webhook receiver down");
        return true;
    }

    private boolean sendBadRecords() {
        Duration at = elapsed();
        int sent = badRecords.send();
        faults.add(new Fault(at, sent + " bad records sent to the topics", Duration.ZERO));
        counts.computeIfAbsent("bad records sent", key -> new AtomicInteger()).addAndGet(sent);
        return true;
    }

    private void waitSupervising(Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            for (Part exited : stack.relaunchExited()) {
                count(exited.label() + " exited on its own, launched again");
            }
            Pause.of(TICK);
        }
    }

    private void count(String what) {
        counts.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Whether each part was killed, the receiver taken down and bad records sent, once; a run lasts at least until then. */
    boolean everyFaultDealt() {
        return everyFaultDealt;
    }

    /** Whether the part is killed or not ready again yet. */
    boolean isDown(Part part) {
        return down.contains(part);
    }

    Set<Part> down() {
        return Set.copyOf(down);
    }

    List<Fault> faults() {
        return faults.stream().sorted(Comparator.comparing(Fault::at)).toList();
    }

    Map<String, AtomicInteger> counts() {
        return counts;
    }
}
