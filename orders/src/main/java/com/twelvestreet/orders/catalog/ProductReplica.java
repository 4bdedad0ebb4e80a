package com.twelvestreet.orders.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.twelvestreet.platform.contracts.products.ProductChanged;

/**
 * The local copy of the catalogue, fed by ProductChanged. An event older than the row (a retried
 * or redelivered one arriving late) changes nothing: only a higher productVersion wins.
 */
@Component
public class ProductReplica {

    private final JdbcClient jdbc;

    ProductReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(ProductChanged changed, Instant now) {
        jdbc.sql("""
                insert into product_replica (id, version, name, price, stock, deleted, updated_at)
                values (:id, :version, :name, :price, :stock, :deleted, :now)
                on conflict (id) do update
                set version = excluded.version, name = excluded.name, price = excluded.price,
                    stock = excluded.stock, deleted = excluded.deleted, updated_at = excluded.updated_at
                where product_replica.version < excluded.version""")
                .param("id", changed.productId()).param("version", changed.productVersion())
                .param("name", changed.name()).param("price", changed.price()).param("stock", changed.stock())
                .param("deleted", changed.deleted()).param("now", Timestamp.from(now))
                .update();
    }

    /** The product as last heard of; empty if never heard of, {@code deleted} if it is gone. */
    @Transactional(readOnly = true)
    public Optional<Entry> find(long productId) {
        return jdbc.sql("select id, name, price, deleted from product_replica where id = ?").param(productId)
                .query((rs, row) -> new Entry(new ProductSnapshot(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("price")), rs.getBoolean("deleted")))
                .optional();
    }

    public record Entry(ProductSnapshot product, boolean deleted) {
    }
}
