package dev.tradingsdk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.ParameterSpace;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import dev.tradingsdk.testkit.ReadmeSnippets;
import dev.tradingsdk.testkit.SweepExecutorContract;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The example in trading-spark/README.md runs here and the README shows it verbatim. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        SparkSession spark = LocalSpark.session();
        // README example begins
        Sweep<long[]> sweep = Sweep.<long[]>builder()
                .name("ma-crossover")
                .configurations(ParameterSpace.builder()
                        .integers("fast", 2, 20, 2)
                        .integers("slow", 25, 50, 5)
                        .build().grid())
                .data(SweepExecutorContract::prices)        // runs once per executor JVM
                .task(SweepExecutorContract::crossover)     // a pure function of (parameters, data)
                .build();

        SweepResults local = LocalSweepExecutor.builder().build().execute(sweep);
        SweepResults onSpark = SparkSweepExecutor.on(spark).execute(sweep);

        SparkSweepExecutor.on(spark).frame(sweep).createOrReplaceTempView("sweep");
        Dataset<Row> best = spark.sql("select fast, slow, equity from sweep order by equity desc limit 3");
        // README example ends
        assertThat(onSpark).isEqualTo(local);
        List<SweepRow> top = local.top("equity", 3, true);
        assertThat(best.collectAsList()).extracting(r -> r.getDouble(2))
                .containsExactlyElementsOf(top.stream().map(r -> r.metric("equity")).toList());
    }

    @Test
    void readmeShowsTheExample() {
        ReadmeSnippets.assertReadmeShowsExamples("README.md",
                "src/test/java/dev/tradingsdk/spark/ReadmeExampleTest.java");
    }
}
