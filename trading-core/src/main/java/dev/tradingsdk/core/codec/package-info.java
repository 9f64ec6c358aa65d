/**
 * Exact text encoding of trading values ({@code Price}, {@code Quantity}, {@code Money}, instruments by id,
 * {@code OrderRequest}, {@code Order}, {@code Fill}) for journal records: {@link dev.tradingsdk.core.codec.FieldWriter}
 * writes a record's fields, {@link dev.tradingsdk.core.codec.FieldReader} reads them back equal to the originals.
 * It lives beside, not in, {@code journal}, which knows nothing of trading types.
 */
package dev.tradingsdk.core.codec;
