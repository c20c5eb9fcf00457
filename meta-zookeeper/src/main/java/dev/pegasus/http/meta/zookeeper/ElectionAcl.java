package dev.pegasus.http.meta.zookeeper;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * The ACL of every node a meta creates (the election path's missing parents, the election path and
 * the participant nodes): everything for the identity the meta authenticated with (ZooKeeper's
 * {@code auth} scheme, resolved by the server to the session's digest id), and optionally read for
 * anyone, so that operators can see who leads without the password.
 */
final class ElectionAcl implements ACLProvider {

  private final ImmutableList<ACL> acl;

  ElectionAcl(boolean worldReadable) {
    ImmutableList.Builder<ACL> b = ImmutableList.<ACL>builder().addAll(ZooDefs.Ids.CREATOR_ALL_ACL);
    if (worldReadable) {
      b.addAll(ZooDefs.Ids.READ_ACL_UNSAFE);
    }
    this.acl = b.build();
  }

  @Override
  public List<ACL> getDefaultAcl() {
    return acl;
  }

  @Override
  public List<ACL> getAclForPath(String path) {
    return acl;
  }
}
