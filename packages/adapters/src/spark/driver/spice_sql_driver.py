"""Runs one QueryEngine job on Spark: spark-submit spice_sql_driver.py <spec.json> <result.json>.

spec:   {"sql": str, "inputs": {table: parquet path}, "outputPath": str | null, "rowLimit": int}
result: {"rowCount": int, "schema": [{"name", "type"}], "rows"?: [...]}
     or {"error": {"phase": "input" | "sql" | "engine", "message": str}}

Types and values follow the same engine-neutral names and serialisation as the DuckDB adapter
(duckdb/duckdb-result-values.ts) so the two engines' results compare equal. With an outputPath the result
is written as ONE Parquet file at that path (replacing any file there), like DuckDB's COPY.
"""

import json
import math
import os
import sys
import time
import traceback
import uuid

# PySpark turns instants into naive datetimes in the driver's local zone; pin it so timestamps read as UTC.
os.environ["TZ"] = "UTC"
time.tzset()

from py4j.java_gateway import is_instance_of  # noqa: E402
from pyspark.errors import PySparkException  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import types as T  # noqa: E402


CHECKSUM_FS = "org.apache.hadoop.fs.ChecksumFileSystem"


def neutral_type_name(data_type):
    if isinstance(data_type, (T.StringType, T.VarcharType, T.CharType)):
        return "string"
    if isinstance(data_type, (T.ByteType, T.ShortType, T.IntegerType)):
        return "integer"
    if isinstance(data_type, T.LongType):
        return "long"
    if isinstance(data_type, (T.FloatType, T.DoubleType)):
        return "double"
    if isinstance(data_type, T.DecimalType):
        return f"decimal({data_type.precision},{data_type.scale})"
    if isinstance(data_type, T.BooleanType):
        return "boolean"
    if isinstance(data_type, T.DateType):
        return "date"
    if isinstance(data_type, (T.TimestampType, T.TimestampNTZType)):
        return "timestamp"
    return "other"


def iso_timestamp(value):
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}Z"
    )


def json_safe_double(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def serialise(value, neutral_type):
    if value is None:
        return None
    if neutral_type in ("string", "boolean", "integer"):
        return value
    if neutral_type == "long":
        return str(value)
    if neutral_type == "double":
        return json_safe_double(value)
    if neutral_type.startswith("decimal("):
        return format(value, "f")
    if neutral_type == "date":
        return value.isoformat()
    if neutral_type == "timestamp":
        return iso_timestamp(value)
    return str(value)


def schema_of(data_frame):
    return [{"name": f.name, "type": neutral_type_name(f.dataType)} for f in data_frame.schema.fields]


def error_text(error):
    # JVM errors arrive with their whole stack trace; the head says what went wrong.
    return str(error).strip()[:2000]


class JobError(Exception):
    def __init__(self, phase, message):
        super().__init__(message)
        self.phase = phase


def register_inputs(spark, inputs):
    for table, path in inputs.items():
        try:
            spark.read.parquet(path).createOrReplaceTempView(table)
        except Exception as error:  # noqa: BLE001 - Spark reports unreadable files as assorted JVM errors
            raise JobError("input", f"input {table} ({path}) is not readable as Parquet: {error_text(error)}") from error


def write_single_parquet_file(spark, data_frame, output_path):
    """Spark writes a directory of parts; this writes one part to a staging directory and moves it into place."""
    jvm = spark.sparkContext._jvm
    hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
    target = jvm.org.apache.hadoop.fs.Path(output_path)
    fs = target.getFileSystem(hadoop_conf)
    staging_dir = f"{output_path}.spark-staging-{uuid.uuid4().hex}"
    staging = jvm.org.apache.hadoop.fs.Path(staging_dir)
    try:
        data_frame.coalesce(1).write.mode("overwrite").parquet(staging_dir)
        parts = [
            status.getPath()
            for status in fs.listStatus(staging)
            if status.getPath().getName().startswith("part-") and status.getPath().getName().endswith(".parquet")
        ]
        if len(parts) != 1:
            raise JobError("engine", f"expected one Parquet part in {staging_dir}, found {len(parts)}")
        fs.delete(target, False)
        # Move only the Parquet file, not the local filesystem's .crc sidecar, which would go stale as soon as
        # another engine rewrites the file and then fail Spark's next read of it.
        mover = fs.getRawFileSystem() if is_instance_of(spark.sparkContext._gateway, fs, CHECKSUM_FS) else fs
        if not mover.rename(parts[0], target):
            raise JobError("engine", f"could not move {parts[0]} to {output_path}")
    finally:
        fs.delete(staging, True)


def run_job(spark, spec):
    register_inputs(spark, spec["inputs"])
    try:
        data_frame = spark.sql(spec["sql"])
        output_path = spec.get("outputPath")
        if output_path:
            write_single_parquet_file(spark, data_frame, output_path)
            written = spark.read.parquet(output_path)
            return {"rowCount": written.count(), "schema": schema_of(written)}
        schema = schema_of(data_frame)
        collected = data_frame.limit(spec["rowLimit"]).collect() if spec["rowLimit"] > 0 else []
        rows = [
            {column["name"]: serialise(value, column["type"]) for column, value in zip(schema, row)}
            for row in collected
        ]
        return {"rowCount": len(rows), "schema": schema, "rows": rows}
    except PySparkException as error:
        # Spark's own errors (analysis, parse, arithmetic, casts...) are about the query, not the engine.
        raise JobError("sql", error_text(error)) from error


def main(spec_path, result_path):
    with open(spec_path, encoding="utf-8") as spec_file:
        spec = json.load(spec_file)
    spark = SparkSession.builder.appName("spice-sql").getOrCreate()
    try:
        result = run_job(spark, spec)
    except JobError as error:
        result = {"error": {"phase": error.phase, "message": str(error)}}
    except Exception:  # noqa: BLE001 - anything else is the engine failing; the adapter reports it
        result = {"error": {"phase": "engine", "message": traceback.format_exc(limit=5)}}
    finally:
        spark.stop()
    with open(result_path, "w", encoding="utf-8") as result_file:
        json.dump(result, result_file, allow_nan=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
