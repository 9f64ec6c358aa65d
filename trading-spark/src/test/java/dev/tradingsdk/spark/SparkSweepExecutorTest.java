package dev.tradingsdk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import dev.tradingsdk.testkit.SweepExecutorContract;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkSweepExecutorTest {

    @Test
    void spark_returns_the_local_executors_rows_and_hashes() {
        Sweep<long[]> sweep = SweepExecutorContract.sweep();
        SweepResults local = LocalSweepExecutor.builder().threads(2).build().execute(sweep);
        SweepResults spark = SparkSweepExecutor.on(LocalSpark.session(), 3).execute(sweep);
        assertThat(spark).isEqualTo(local);
        assertThat(spark.rows()).extracting(SweepRow::runHash)
                .containsExactlyElementsOf(local.rows().stream().map(SweepRow::runHash).toList());
    }

    @Test
    void the_results_frame_ranks_in_sql_like_the_local_ranking() {
        Sweep<long[]> sweep = SweepExecutorContract.sweep();
        Dataset<Row> frame = SparkSweepExecutor.on(LocalSpark.session()).frame(sweep);
        frame.createOrReplaceTempView("contract_sweep");
        List<Row> top = LocalSpark.session()
                .sql("select index, fast, slow, equity, run_hash from contract_sweep order by equity desc, index"
                        + " limit 5").collectAsList();
        List<SweepRow> expected = LocalSweepExecutor.builder().build().execute(sweep).top("equity", 5, true);
        assertThat(top).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(top.get(i).getInt(0)).isEqualTo(expected.get(i).index());
            assertThat(top.get(i).getString(1)).isEqualTo(expected.get(i).parameters().get("fast"));
            assertThat(top.get(i).getDouble(3)).isEqualTo(expected.get(i).metric("equity"));
            assertThat(top.get(i).getString(4)).isEqualTo(expected.get(i).runHash());
        }
        assertThat(frame.columns()).containsExactly("index", "fast", "slow", "equity", "trades", "run_hash");
        assertThat(frame.count()).isEqualTo(sweep.configurations().size());
    }

    @Test
    void partitions_must_be_positive() {
        assertThatThrownBy(() -> SparkSweepExecutor.on(LocalSpark.session(), 0))
                .hasMessageContaining("partitions must be at least 1, was 0");
    }
}
