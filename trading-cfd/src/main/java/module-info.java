/** CFD trading: CFD math, margin-called accounts, and competitions with leaderboards on core's engine. */
module dev.tradingsdk.cfd {
    requires transitive dev.tradingsdk.core;
    requires org.slf4j;

    exports dev.tradingsdk.cfd;
}
