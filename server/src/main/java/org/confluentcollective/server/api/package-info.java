/**
 * What the transports (web, dhcp, tftp) and the hardware service may rely on, and all of server
 * they may import: request failures with their kind ({@code RequestException},
 * {@code NodeRangeException}), the lock-down state ({@code QuorumStatus}), node names and
 * noderanges ({@code NodeNames}), the node database and its values ({@code NodeDatabase},
 * {@code AttributeView}, {@code AttributeInput}, {@code AttributeSelection}, {@code Evaluation},
 * {@code Defined}), API users ({@code UserDirectory}, {@code UserInfo}, {@code Role}), the
 * collective's view ({@code CollectiveView}, {@code CollectiveStatus}, {@code MemberStatus},
 * {@code MemberRole}) and its administration ({@code CollectiveAdministration}, with the join's
 * values {@code InviteToken}, {@code EnrollRequest}, {@code Enrollment}, {@code MemberInfo},
 * {@code JoinEndpoints}), raw znode reads ({@code ZnodeReader}, {@code Znode}, {@code ZnodeStat},
 * {@code ZnodeTree}), node operations and their per-node results ({@code NodeOperations},
 * {@code NodeHandler}, {@code NodeResult}), talking to other members ({@code MemberChannel},
 * {@code MemberForwarder}, {@code MemberCredentials}), the effective node values services act on
 * ({@code NodeValues}), and how a part given to the member sees it ({@code MemberPart},
 * {@code RunningMember}). Imports nothing of server; of zk-embedded only its role values.
 */
package org.confluentcollective.server.api;
