package dev.tradingsdk.spark;

import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepExecutor;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import dev.tradingsdk.spark.internal.ExecutorData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs a trading-core {@link Sweep} on Apache Spark: the chunks are parallelized, each partition runs its chunks
 * with {@link Sweep#runChunk} (the code the local executor runs, so the rows cannot differ), and the results come
 * back as {@link SweepResults} or as a {@link Dataset} for SQL.
 *
 * <p>What is serialized: the {@link Sweep} (its configurations, its task and its {@code DataLoader}) is broadcast
 * once; each executor JVM calls the loader once per sweep and keeps the data while its partitions run. The data
 * itself is never shipped by the driver, so point the loader at shared storage (a path every executor can read).
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[*]").appName("sweep").getOrCreate();
 * SweepResults results = SparkSweepExecutor.on(spark).execute(sweep);
 * spark.sql("select * from sweep order by sharpe desc limit 10")   // after frame(sweep).createOrReplaceTempView
 * }</pre>
 */
public final class SparkSweepExecutor implements SweepExecutor {

    private final SparkSession spark;
    private final int partitions;

    private SparkSweepExecutor(SparkSession spark, int partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    /** An executor on {@code spark}, one partition per chunk up to the default parallelism. */
    public static SparkSweepExecutor on(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        return new SparkSweepExecutor(spark, 0);
    }

    /** An executor on {@code spark} with exactly {@code partitions} partitions (at most one per chunk is used). */
    public static SparkSweepExecutor on(SparkSession spark, int partitions) {
        Objects.requireNonNull(spark, "spark");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        return new SparkSweepExecutor(spark, partitions);
    }

    @Override
    public <D> SweepResults execute(Sweep<D> sweep) {
        return new SweepResults(rows(sweep).collect());
    }

    /**
     * The sweep's rows as a DataFrame: {@code index}, one string column per parameter, one double column per
     * metric, {@code run_hash}. Computed lazily on the cluster; filter, rank and join it in SQL.
     */
    public <D> Dataset<Row> frame(Sweep<D> sweep) {
        List<String> params = List.copyOf(sweep.configurations().get(0).values().keySet());
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("index", DataTypes.IntegerType, false));
        params.forEach(p -> fields.add(DataTypes.createStructField(p, DataTypes.StringType, false)));
        JavaRDD<SweepRow> rows = rows(sweep).cache();
        SweepRow first = rows.first();
        List<String> metrics = List.copyOf(first.metrics().keySet());
        metrics.forEach(m -> fields.add(DataTypes.createStructField(m, DataTypes.DoubleType, false)));
        fields.add(DataTypes.createStructField("run_hash", DataTypes.StringType, false));
        JavaRDD<Row> asRows = rows.map(r -> {
            Object[] values = new Object[params.size() + metrics.size() + 2];
            int i = 0;
            values[i++] = r.index();
            for (String p : params) {
                values[i++] = r.parameters().get(p);
            }
            for (String m : metrics) {
                values[i++] = r.metric(m);
            }
            values[i] = r.runHash();
            return RowFactory.create(values);
        });
        return spark.createDataFrame(asRows, new StructType(fields.toArray(StructField[]::new)));
    }

    private <D> JavaRDD<SweepRow> rows(Sweep<D> sweep) {
        Objects.requireNonNull(sweep, "sweep");
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Sweep<D>> shared = context.broadcast(sweep);
        List<Integer> chunks = new ArrayList<>(sweep.chunkCount());
        for (int c = 0; c < sweep.chunkCount(); c++) {
            chunks.add(c);
        }
        int slices = Math.min(sweep.chunkCount(), partitions > 0 ? partitions : context.defaultParallelism());
        return context.parallelize(chunks, slices).mapPartitions((Iterator<Integer> mine) -> {
            Sweep<D> s = shared.value();
            D data = ExecutorData.get(s.fingerprint(), s.data());
            List<SweepRow> out = new ArrayList<>();
            while (mine.hasNext()) {
                out.addAll(s.runChunk(mine.next(), data));
            }
            return out.iterator();
        });
    }

    @Override
    public String toString() {
        return "SparkSweepExecutor[" + spark.sparkContext().master() + (partitions > 0 ? ", " + partitions
                + " partitions" : "") + "]";
    }
}
