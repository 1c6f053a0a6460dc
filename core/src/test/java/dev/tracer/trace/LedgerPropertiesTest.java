package dev.tracer.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;

/**
 * Properties of the three models' ledgers under random sequences of credits (random amount,
 * random tainted lots) and debits (up to the balance), checked against the invariants the engine
 * relies on and against simple reference implementations of each rule.
 */
class LedgerPropertiesTest {

    /** One step: a credit of {@code lots}, or a debit of {@code permille}/1000 of the balance. */
    record Op(List<Lot> lots, int permille) {
        boolean isCredit() {
            return lots != null;
        }

        @Override
        public String toString() {
            return isCredit() ? "credit" + lots : "debit " + permille + "‰";
        }
    }

    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    @Provide
    Arbitrary<BigInteger> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.just(BigInteger.ZERO),
                Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1000)),
                Arbitraries.bigIntegers().between(BigInteger.ONE, TWO_64.multiply(TWO_64)),
                Arbitraries.longs().between(1, 100_000).map(v -> BigInteger.valueOf(v).multiply(BigInteger.TEN.pow(18))));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Lot> lot = Combinators.combine(amounts(), Arbitraries.of(true, false)).as(Lot::new);
        Arbitrary<Op> credit = lot.list().ofMinSize(1).ofMaxSize(3).map(l -> new Op(l, 0));
        Arbitrary<Op> debit = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.just(1000),
                Arbitraries.just(0),
                Arbitraries.integers().between(1, 10)).map(p -> new Op(null, p));
        return Arbitraries.frequencyOf(Tuple.of(3, credit), Tuple.of(2, debit)).list().ofMinSize(1).ofMaxSize(40);
    }

    private static Draw draw(Op op) {
        return Draw.ofLots(op.lots());
    }

    private static BigInteger debitAmount(BigInteger balance, Op op) {
        return balance.multiply(BigInteger.valueOf(op.permille())).divide(BigInteger.valueOf(1000));
    }

    /** Applies {@code ops} to a new ledger of {@code model}, checking the common invariants at every step. */
    private static List<BigInteger> runChecked(TaintModel model, List<Op> ops) {
        Ledger l = model.newLedger();
        List<BigInteger> taintedAfter = new ArrayList<>();
        BigInteger balance = BigInteger.ZERO;
        BigInteger taintIn = BigInteger.ZERO;
        BigInteger taintOut = BigInteger.ZERO;
        for (Op op : ops) {
            BigInteger taintedBefore = l.tainted();
            if (op.isCredit()) {
                Draw d = draw(op);
                l.credit(d);
                balance = balance.add(d.amount());
                taintIn = taintIn.add(d.tainted());
            } else {
                BigInteger amt = debitAmount(l.balance(), op);
                Draw d = l.debit(amt);
                balance = balance.subtract(amt);
                taintOut = taintOut.add(d.tainted());
                assertThat(d.amount()).as("%s: debit amount", model.name()).isEqualTo(amt);
                assertThat(d.tainted()).as("%s: debit tainted part ≤ tainted balance before", model.name())
                        .isLessThanOrEqualTo(taintedBefore);
                assertThat(d.tainted()).isBetween(BigInteger.ZERO, amt);
                BigInteger lotSum = d.lots().stream().map(Lot::amount).reduce(BigInteger.ZERO, BigInteger::add);
                assertThat(lotSum).isEqualTo(amt);
            }
            assertThat(l.balance()).as("%s: balance", model.name()).isEqualTo(balance);
            assertThat(l.tainted()).as("%s: 0 ≤ tainted", model.name()).isNotNegative();
            assertThat(l.tainted()).as("%s: tainted ≤ balance", model.name()).isLessThanOrEqualTo(l.balance());
            if (model.conserving()) {
                assertThat(l.tainted()).as("%s: tainted = in − out", model.name()).isEqualTo(taintIn.subtract(taintOut));
            }
            taintedAfter.add(l.tainted());
        }
        return taintedAfter;
    }

    @Property(tries = 300)
    void haircutKeepsInvariantsAndConservesExactly(@ForAll("ops") List<Op> ops) {
        runChecked(new HaircutTaint(), ops);
    }

    @Property(tries = 300)
    void fifoKeepsInvariantsAndConservesExactly(@ForAll("ops") List<Op> ops) {
        runChecked(new FifoTaint(), ops);
    }

    @Property(tries = 300)
    void poisonKeepsInvariants(@ForAll("ops") List<Op> ops) {
        runChecked(new PoisonTaint(), ops);
    }

    @Property(tries = 300)
    void haircutTakesTheFlooredProportionalShare(@ForAll("ops") List<Op> ops) {
        Ledger l = new HaircutTaint().newLedger();
        for (Op op : ops) {
            if (op.isCredit()) {
                l.credit(draw(op));
                continue;
            }
            BigInteger bal = l.balance();
            BigInteger t = l.tainted();
            BigInteger amt = debitAmount(bal, op);
            BigInteger expected = amt.equals(bal) ? t : t.multiply(amt).divide(bal.signum() == 0 ? BigInteger.ONE : bal);
            assertThat(l.debit(amt).tainted()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void fifoSpendsTheOldestLotsFirst(@ForAll("ops") List<Op> ops) {
        Ledger l = new FifoTaint().newLedger();
        Deque<Lot> ref = new ArrayDeque<>();
        for (Op op : ops) {
            if (op.isCredit()) {
                l.credit(draw(op));
                for (Lot x : op.lots()) {
                    if (x.amount().signum() > 0) {
                        ref.addLast(x);
                    }
                }
                continue;
            }
            BigInteger amt = debitAmount(l.balance(), op);
            List<Lot> expected = new ArrayList<>();
            BigInteger need = amt;
            while (need.signum() > 0) {
                Lot head = ref.pollFirst();
                BigInteger take = head.amount().min(need);
                expected.add(new Lot(take, head.tainted()));
                if (head.amount().compareTo(take) > 0) {
                    ref.addFirst(new Lot(head.amount().subtract(take), head.tainted()));
                }
                need = need.subtract(take);
            }
            assertThat(l.debit(amt).lots()).isEqualTo(Draw.ofLots(expected).lots());
        }
    }

    @Property(tries = 300)
    void poisonTaintsEveryDebitOnceAnyTaintArrived(@ForAll("ops") List<Op> ops) {
        Ledger l = new PoisonTaint().newLedger();
        boolean poisoned = false;
        for (Op op : ops) {
            if (op.isCredit()) {
                Draw d = draw(op);
                l.credit(d);
                poisoned |= d.tainted().signum() > 0;
                continue;
            }
            BigInteger amt = debitAmount(l.balance(), op);
            Draw d = l.debit(amt);
            assertThat(d.tainted()).as("poisoned=%s", poisoned).isEqualTo(poisoned ? amt : BigInteger.ZERO);
            assertThat(l.tainted()).isEqualTo(poisoned ? l.balance() : BigInteger.ZERO);
        }
    }

    @Property(tries = 300)
    void poisonHoldsAtLeastAsMuchTaintAsHaircutAndFifo(@ForAll("ops") List<Op> ops) {
        List<BigInteger> poison = runChecked(new PoisonTaint(), ops);
        List<BigInteger> haircut = runChecked(new HaircutTaint(), ops);
        List<BigInteger> fifo = runChecked(new FifoTaint(), ops);
        for (int i = 0; i < ops.size(); i++) {
            assertThat(poison.get(i)).as("after step %d", i).isGreaterThanOrEqualTo(haircut.get(i));
            assertThat(poison.get(i)).as("after step %d", i).isGreaterThanOrEqualTo(fifo.get(i));
        }
    }

    @Property(tries = 100)
    void debitBeyondTheBalanceIsRefusedAndChangesNothing(@ForAll("ops") List<Op> ops,
                                                        @ForAll @IntRange(min = 1, max = 1000) int excess) {
        for (TaintModel model : List.of(new PoisonTaint(), new HaircutTaint(), new FifoTaint())) {
            Ledger l = model.newLedger();
            for (Op op : ops) {
                if (op.isCredit()) {
                    l.credit(draw(op));
                } else {
                    l.debit(debitAmount(l.balance(), op));
                }
            }
            BigInteger bal = l.balance();
            BigInteger t = l.tainted();
            assertThatThrownBy(() -> l.debit(bal.add(BigInteger.valueOf(excess))))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> l.debit(BigInteger.valueOf(-excess)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(l.balance()).isEqualTo(bal);
            assertThat(l.tainted()).isEqualTo(t);
            // and the whole balance can still be spent, taking all the taint with it (conserving models)
            Draw all = l.debit(bal);
            if (model.conserving()) {
                assertThat(all.tainted()).isEqualTo(t);
            }
            assertThat(l.balance()).isZero();
            assertThat(l.tainted()).isZero();
        }
    }

    @Example
    void haircutExample() {
        Ledger l = new HaircutTaint().newLedger();
        l.credit(Draw.of(BigInteger.valueOf(100), BigInteger.valueOf(30)));
        assertThat(l.debit(BigInteger.valueOf(10)).tainted()).isEqualTo(BigInteger.valueOf(3));
        assertThat(l.debit(BigInteger.valueOf(7)).tainted()).isEqualTo(BigInteger.valueOf(2)); // 27*7/90 = 2.1
        assertThat(l.tainted()).isEqualTo(BigInteger.valueOf(25));
        assertThat(l.debit(BigInteger.valueOf(83)).tainted()).isEqualTo(BigInteger.valueOf(25));
    }

    @Example
    void fifoExample() {
        Ledger l = new FifoTaint().newLedger();
        l.credit(Draw.clean(BigInteger.valueOf(5)));
        l.credit(Draw.tainted(BigInteger.valueOf(10)));
        l.credit(Draw.clean(BigInteger.valueOf(5)));
        Draw d = l.debit(BigInteger.valueOf(8));
        assertThat(d.lots()).containsExactly(new Lot(BigInteger.valueOf(5), false), new Lot(BigInteger.valueOf(3), true));
        assertThat(l.tainted()).isEqualTo(BigInteger.valueOf(7));
    }
}
