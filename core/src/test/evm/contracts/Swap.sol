// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

interface IERC20 {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// A DEX-like pair at a fixed price: tokens in, ETH out by an internal call, with a
/// Uniswap V2 style Swap event. Funded with ETH at deployment.
contract Swap {
    address public immutable token;
    uint256 public immutable weiPerUnit;

    event Swap(address indexed sender, uint256 amount0In, uint256 amount1In, uint256 amount0Out,
        uint256 amount1Out, address indexed to);

    constructor(address token_, uint256 weiPerUnit_) payable {
        token = token_;
        weiPerUnit = weiPerUnit_;
    }

    function swapTokensForEth(uint256 amountIn, address payable to) external {
        require(IERC20(token).transferFrom(msg.sender, address(this), amountIn), "transferFrom");
        uint256 out = amountIn * weiPerUnit;
        emit Swap(msg.sender, amountIn, 0, 0, out, to);
        (bool ok, ) = to.call{value: out}("");
        require(ok, "payout");
    }
}
